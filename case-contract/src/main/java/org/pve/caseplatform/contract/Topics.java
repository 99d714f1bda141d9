package org.pve.caseplatform.contract;

/** Kafka topic names of the integration contract (DESIGN.md section 6). */
public final class Topics {

    public static final String REFERRAL_EVENTS = "case.referral.events";
    public static final String ASSESSMENT_EVENTS = "case.assessment.events";
    public static final String PLAN_EVENTS = "case.plan.events";
    public static final String ACCESS_LOG = "case.access-log";
    public static final String INBOUND_REFERRALS = "integration.referrals.inbound";
    public static final String INBOUND_REFERRALS_DLT = "integration.referrals.inbound.dlt";

    private Topics() {
    }
}
