package org.pve.caseplatform.support.security;

/** How far a role's grant on an operation reaches among the records of the districts the caller works in. */
public enum Reach {
    /** Any record of the caller's districts. */
    DISTRICT,
    /** Records of the caller's districts that belong to the caller's agency (referrer, panel, lead or owner). */
    AGENCY,
    /** Records of the caller's districts commissioned from the provider the caller acts for. */
    PROVIDER
}
