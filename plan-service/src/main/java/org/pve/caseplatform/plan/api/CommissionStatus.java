package org.pve.caseplatform.plan.api;

/** Where a commission stands with its provider: COMMISSIONED, then ACCEPTED or DECLINED, IN_DELIVERY, COMPLETED. */
public enum CommissionStatus {
    COMMISSIONED, ACCEPTED, DECLINED, IN_DELIVERY, COMPLETED
}
