package org.pve.caseplatform.plan.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.plan.ConsentRecorded;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ServiceAccepted;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.plan.ServiceDeliveryStarted;
import org.pve.caseplatform.plan.api.CommissionService;

/**
 * Invented events of one plan (district dk-fyn, needs mentoring and education, a 30-day review cadence) at the
 * fixture's current time, and a fixture with the plan's resources: the registry offers mentoring from two
 * providers, consent from the person themself is enough unless {@link #guardianRequired} says otherwise, reviews
 * come forward to within 7 days.
 */
final class PlanEvents {

    static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c7");
    static final UUID COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    static final UUID OTHER_COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    static final UUID CONSENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER_CONSENT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final String DISTRICT = "dk-fyn";
    static final String PROVIDER = "provider-mentor-house";
    static final String OWNER = "owner-lene";
    static final int CADENCE_DAYS = 30;
    static final Duration BRING_FORWARD = Duration.ofDays(7);
    static final LocalDate START_BY = LocalDate.of(2031, 3, 1);
    static final EncryptedValue BRIEFING = EncryptedValue.of("sub-7", "aXY=", "YnJpZWZpbmc=");
    static final EncryptedValue SUMMARY = EncryptedValue.of("sub-7", "aXY=", "c3VtbWFyeQ==");

    private final AggregateTestFixture<ManagementPlan> fixture;
    boolean guardianRequired;

    PlanEvents() {
        this.fixture = new AggregateTestFixture<>(ManagementPlan.class);
        fixture.registerInjectableResource((ProviderOffers) (providerId, type, districtId) ->
                Set.of(PROVIDER, "provider-elsewhere").contains(providerId) && type == ServiceType.MENTORING
                        && DISTRICT.equals(districtId));
        fixture.registerInjectableResource((GuardianConsent) (caseId, districtId) -> guardianRequired);
        fixture.registerInjectableResource(new ReviewPolicy(BRING_FORWARD));
    }

    AggregateTestFixture<ManagementPlan> fixture() {
        return fixture;
    }

    Instant now() {
        return fixture.currentTime();
    }

    Instant firstReviewDue() {
        return now().plus(Duration.ofDays(CADENCE_DAYS));
    }

    PlanOpened opened() {
        return new PlanOpened(CASE, DISTRICT, now(), "sub-7", 2, List.of("mentoring", "education"),
                InterventionLevel.TARGETED, CADENCE_DAYS, Agency.SOCIAL_SERVICES,
                List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.EDUCATION));
    }

    CaseOwnerAssigned ownerAssigned() {
        return new CaseOwnerAssigned(CASE, DISTRICT, now(), OWNER, Agency.SOCIAL_SERVICES);
    }

    ConsentRecorded consented(UUID consentId, ServiceType... scope) {
        return new ConsentRecorded(CASE, DISTRICT, now(), consentId, List.of(scope), ConsentGiver.SUBJECT, OWNER);
    }

    ServiceCommissioned commissioned(UUID commissionId, ServiceType type) {
        return new ServiceCommissioned(CASE, DISTRICT, now(), commissionId, PROVIDER, type, "mentoring", START_BY,
                OWNER, BRIEFING);
    }

    CommissionService commission(UUID commissionId, String providerId, ServiceType type, String need) {
        return new CommissionService(CASE, commissionId, providerId, type, need, START_BY, OWNER, BRIEFING);
    }

    ServiceAccepted accepted(UUID commissionId) {
        return new ServiceAccepted(CASE, DISTRICT, now(), commissionId, PROVIDER);
    }

    ServiceDeliveryStarted started(UUID commissionId) {
        return new ServiceDeliveryStarted(CASE, DISTRICT, now(), commissionId, PROVIDER);
    }
}
