package org.pve.caseplatform.plan.api;

/**
 * Where a commission stands with its provider: COMMISSIONED, then ACCEPTED or DECLINED, IN_DELIVERY, COMPLETED;
 * SUSPENDED once no active consent covers it (its provider may not act on it).
 */
public enum CommissionStatus {
    COMMISSIONED, ACCEPTED, DECLINED, IN_DELIVERY, COMPLETED, SUSPENDED
}
