package org.pve.caseplatform.reconciliation;

import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A downstream read model that keeps one value per case from an upstream event: every case with a published
 * {@code causeType} carrying {@code field} has an entry whose value is one the case's events named (a value in
 * {@code anyValue} matches whatever was named), and no entry exists without such an event.
 */
record Copy(String causeService, String causeType, String field, String consumer, String service,
            String readModel, Function<ReadModels, Map<String, String>> values, String anyValue) {

    /**
     * plan-service AgeBands (a known band is never overwritten by UNKNOWN), plan-service PlanOpening's lead agency
     * (the first agreed formulation's stays) and referral-service's case index (created by the referral, its
     * district set once).
     */
    static final List<Copy> ALL = List.of(
            new Copy(REFERRAL_SERVICE, "ReferralReceived", "ageBand", "plan-service.age-bands", PLAN_SERVICE,
                    ReadModels.AGE_BANDS, ReadModels::ageBands, "UNKNOWN"),
            new Copy(ASSESSMENT_SERVICE, "FormulationAgreed", "leadAgency", "plan-service.assessment-events",
                    PLAN_SERVICE, ReadModels.LEAD_AGENCIES, ReadModels::leadAgencies, null),
            new Copy(REFERRAL_SERVICE, "ReferralReceived", "districtId", "referral-service.case-index",
                    REFERRAL_SERVICE, ReadModels.CASE_INDEX, ReadModels::caseIndex, null));

    String valueOf(StoredEvent event) {
        return "districtId".equals(field) ? event.districtId() : event.fact(field);
    }
}
