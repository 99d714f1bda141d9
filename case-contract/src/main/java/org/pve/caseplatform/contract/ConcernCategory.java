package org.pve.caseplatform.contract;

/** The kind of extremism a referral is concerned with. */
public enum ConcernCategory {
    ISLAMIST, FAR_RIGHT, FAR_LEFT, SEPARATIST, SINGLE_ISSUE, MIXED_OR_UNCLEAR
}
