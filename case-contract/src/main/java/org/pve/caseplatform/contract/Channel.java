package org.pve.caseplatform.contract;

/** How a referral reached the platform. */
public enum Channel {
    HELPLINE, ONLINE_FORM, AGENCY, SELF_REFERRAL, INTEGRATION
}
