package org.pve.caseplatform.contract;

/**
 * Why an agency shares what it knows with the assessment panel: support for the person, or safeguarding. Never
 * prosecution: information shared on the preventive track is not shared for prosecution.
 */
public enum SharingPurpose {
    SUPPORT, SAFEGUARDING
}
