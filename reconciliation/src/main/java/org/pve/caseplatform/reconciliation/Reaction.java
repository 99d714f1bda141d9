package org.pve.caseplatform.reconciliation;

import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import java.util.List;

/**
 * A rule of the flow between services: an event of {@code causeType} stored by {@code causeService} makes the
 * consumer group {@code consumer} store an event of {@code effectType} in {@code effectService} for the same case,
 * once however often the cause is delivered; and no such effect exists without its cause.
 */
record Reaction(String causeService, String causeType, String consumer, String effectService, String effectType) {

    /**
     * The reactions that create aggregates, as the services implement them: assessment-service ScreeningOutcomes
     * (the only place that opens an assessment) and plan-service PlanOpening (the only place that opens a plan).
     */
    static final List<Reaction> ALL = List.of(
            new Reaction(REFERRAL_SERVICE, "SecurityScreenCleared", "assessment-service.referral-events",
                    ASSESSMENT_SERVICE, "AssessmentOpened"),
            new Reaction(ASSESSMENT_SERVICE, "FormulationAgreed", "plan-service.assessment-events",
                    PLAN_SERVICE, "PlanOpened"));
}
