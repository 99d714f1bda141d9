package org.pve.caseplatform.contract;

/**
 * Why a case record is read: every read of case detail states one, and the access log records it. PROSECUTION
 * exists so that it can be named and refused: no read for prosecution is served from the preventive track.
 */
public enum AccessPurpose {
    SCREENING, ASSESSMENT, CASE_MANAGEMENT, SERVICE_DELIVERY, SAFEGUARDING, AUDIT, DATA_PROTECTION, RESEARCH,
    PROSECUTION
}
