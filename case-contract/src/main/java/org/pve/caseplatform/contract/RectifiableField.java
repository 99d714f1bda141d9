package org.pve.caseplatform.contract;

/** The personal fields of a referral that the data protection officer may rectify at the person's request. */
public enum RectifiableField {
    SUBJECT_IDENTITY, CONCERN_SUMMARY
}
