package org.pve.caseplatform.support.security;

/** The roles of DESIGN.md section 2. */
public enum Role {
    REFERRER, POLICE_SCREENER, PANEL_MEMBER, CASE_OWNER, PROVIDER, NETWORK_MEMBER, ANALYST, OPERATOR, AUDITOR,
    DATA_PROTECTION_OFFICER
}
