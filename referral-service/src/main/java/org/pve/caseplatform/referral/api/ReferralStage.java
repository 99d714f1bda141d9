package org.pve.caseplatform.referral.api;

/** Where a referral stands with the police screen. */
public enum ReferralStage {
    AWAITING_SCREENING, CLEARED, ESCALATED_TO_SECURITY, CLOSED_NO_FURTHER_ACTION
}
