package org.pve.caseplatform.assessment.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.assessment.FormulationEndorsed;
import org.pve.caseplatform.contract.assessment.FormulationProposed;
import org.pve.caseplatform.support.domain.LifecycleViolation;

class CaseAssessmentTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c7");
    private static final String DISTRICT = "uk-luton";
    private static final String SUBJECT = "sub-7";
    private static final List<Agency> PANEL = List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.HEALTH);
    private static final Instant DUE = Instant.parse("2031-03-22T09:00:00Z");
    private static final List<String> NEEDS = List.of("stable housing", "mentoring");
    private static final String MEMBER = "panel-member-health";
    private static final Instant VALID_UNTIL = Instant.parse("2032-03-01T00:00:00Z");
    private static final Instant EXTENDED_UNTIL = Instant.parse("2033-03-01T00:00:00Z");
    private static final EncryptedValue SUMMARY = EncryptedValue.of(SUBJECT, "aXY=", "c3VtbWFyeQ==");

    private AggregateTestFixture<CaseAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAssessment.class);
    }

    @Test
    void aClearedCaseOpensItsAssessmentWithTheDistrictsPanel() {
        fixture.givenNoPriorActivity()
                .when(new OpenAssessment(CASE, DISTRICT, SUBJECT, "uk-safeguarding", 1, PANEL, DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened());
    }

    @Test
    void openingAnAssessmentTwiceChangesNothing() {
        fixture.given(opened())
                .when(new OpenAssessment(CASE, DISTRICT, SUBJECT, "uk-safeguarding", 1, PANEL, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theFirstProposalIsVersionOne() {
        fixture.given(opened())
                .when(propose(InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .expectResultMessagePayload(1)
                .expectEvents(proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES));
    }

    @Test
    void eachNewProposalTakesTheNextVersion() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        proposed(2, InterventionLevel.EARLY_SUPPORT, Agency.HEALTH))
                .when(propose(InterventionLevel.TARGETED, Agency.HEALTH))
                .expectResultMessagePayload(3)
                .expectEvents(proposed(3, InterventionLevel.TARGETED, Agency.HEALTH));
    }

    @Test
    void aSecurityLedFormulationIsLedByThePolice() {
        fixture.given(opened())
                .when(propose(InterventionLevel.SECURITY_LED, Agency.SOCIAL_SERVICES))
                .expectEvents(proposed(1, InterventionLevel.SECURITY_LED, Agency.POLICE));
    }

    @Test
    void aSecurityLedFormulationNeedsNoLeadAgencyGiven() {
        fixture.given(opened())
                .when(propose(InterventionLevel.SECURITY_LED, null))
                .expectEvents(proposed(1, InterventionLevel.SECURITY_LED, Agency.POLICE));
    }

    @Test
    void anEndorsementThatLeavesAgenciesOutstandingIsNotYetAnAgreement() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.SOCIAL_SERVICES))
                .when(endorse(1, Agency.POLICE))
                .expectEvents(endorsed(1, Agency.POLICE));
    }

    @Test
    void theLastRequiredEndorsementOfTheSameVersionAgreesTheFormulation() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.HEALTH), endorsed(1, Agency.SOCIAL_SERVICES))
                .when(endorse(1, Agency.POLICE))
                .expectEvents(endorsed(1, Agency.POLICE),
                        new FormulationAgreed(CASE, DISTRICT, fixture.currentTime(), SUBJECT, 1, NEEDS,
                                InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES,
                                List.of(Agency.HEALTH, Agency.SOCIAL_SERVICES, Agency.POLICE)));
    }

    @Test
    void aNewProposalVoidsTheEndorsementsOfEarlierVersions() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.SOCIAL_SERVICES), endorsed(1, Agency.HEALTH),
                        proposed(2, InterventionLevel.EARLY_SUPPORT, Agency.SOCIAL_SERVICES),
                        endorsed(2, Agency.HEALTH))
                .when(endorse(2, Agency.POLICE))
                .expectEvents(endorsed(2, Agency.POLICE));
    }

    @Test
    void anAgencyMayEndorseAgainOnceANewVersionIsProposed() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.POLICE), proposed(2, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(endorse(2, Agency.POLICE))
                .expectEvents(endorsed(2, Agency.POLICE));
    }

    @Test
    void anEarlierVersionCannotBeEndorsedOnceANewOneIsProposed() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        proposed(2, InterventionLevel.TARGETED, Agency.HEALTH))
                .when(endorse(1, Agency.POLICE))
                .expectException(violationOf("formulationVersion"))
                .expectNoEvents();
    }

    @Test
    void aVersionNotYetProposedCannotBeEndorsed() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(endorse(2, Agency.POLICE))
                .expectException(violationOf("formulationVersion"))
                .expectNoEvents();
    }

    @Test
    void nothingCanBeEndorsedBeforeAnyProposal() {
        fixture.given(opened())
                .when(endorse(1, Agency.POLICE))
                .expectException(violationOf("formulationVersion"))
                .expectNoEvents();
    }

    @Test
    void anAgencyOffThePanelCannotEndorse() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(endorse(1, Agency.EDUCATION))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void anAgencyEndorsesTheSameVersionOnlyOnce() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.POLICE))
                .when(endorse(1, Agency.POLICE))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void nothingIsProposedAfterAgreement() {
        fixture.given(agreedAssessment())
                .when(propose(InterventionLevel.EARLY_SUPPORT, Agency.HEALTH))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void nothingIsEndorsedAfterAgreement() {
        fixture.given(agreedAssessment())
                .when(endorse(1, Agency.POLICE))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void aFormulationForACaseWithoutAssessmentIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(propose(InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aPanelMembersConfidentialityAgreementGoesOnRecord() {
        fixture.given(opened())
                .when(new RecordConfidentialityAgreement(CASE, MEMBER, Agency.HEALTH, VALID_UNTIL, MEMBER))
                .expectEvents(agreementRecorded(VALID_UNTIL));
    }

    @Test
    void recordingAgainWhileActiveExtendsTheAgreement() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL))
                .when(new RecordConfidentialityAgreement(CASE, MEMBER, Agency.HEALTH, EXTENDED_UNTIL, MEMBER))
                .expectEvents(agreementRecorded(EXTENDED_UNTIL));
    }

    @Test
    void aPersonEndsAnAgreementOnRecord() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL))
                .when(ExpireConfidentialityAgreement.byPerson(CASE, MEMBER, "dpo-invented"))
                .expectEvents(agreementExpired("dpo-invented"));
    }

    @Test
    void anAgreementNeverRecordedCannotBeExpired() {
        fixture.given(opened())
                .when(ExpireConfidentialityAgreement.byPerson(CASE, MEMBER, MEMBER))
                .expectException(violationOf("memberId"))
                .expectNoEvents();
    }

    @Test
    void anAgreementAlreadyExpiredCannotBeExpiredAgain() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL), agreementExpired(MEMBER))
                .when(ExpireConfidentialityAgreement.byPerson(CASE, MEMBER, MEMBER))
                .expectException(violationOf("memberId"))
                .expectNoEvents();
    }

    @Test
    void theScheduleEndsAnAgreementWhoseTimeHasCome() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL))
                .when(ExpireConfidentialityAgreement.bySchedule(CASE, MEMBER, VALID_UNTIL))
                .expectEvents(agreementExpired(ExpireConfidentialityAgreement.EXPIRY_SCHEDULE));
    }

    @Test
    void theScheduleLeavesAnAgreementExtendedSinceAlone() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL), agreementRecorded(EXTENDED_UNTIL))
                .when(ExpireConfidentialityAgreement.bySchedule(CASE, MEMBER, VALID_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theScheduleEndsAnAgreementOnlyOnce() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL),
                        agreementExpired(ExpireConfidentialityAgreement.EXPIRY_SCHEDULE))
                .when(ExpireConfidentialityAgreement.bySchedule(CASE, MEMBER, VALID_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgreementRecordedAnewAfterExpiryIsOnRecordAgain() {
        fixture.given(opened(), agreementRecorded(VALID_UNTIL), agreementExpired(MEMBER),
                        agreementRecorded(EXTENDED_UNTIL))
                .when(ExpireConfidentialityAgreement.byPerson(CASE, MEMBER, MEMBER))
                .expectEvents(agreementExpired(MEMBER));
    }

    /** A LifecycleViolation (HTTP 409) naming the given field. */
    private static Matcher<LifecycleViolation> violationOf(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LifecycleViolation violation) {
                return field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LifecycleViolation naming " + field);
            }
        };
    }

    private Object[] agreedAssessment() {
        return new Object[] {opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                endorsed(1, Agency.SOCIAL_SERVICES), endorsed(1, Agency.POLICE), endorsed(1, Agency.HEALTH),
                new FormulationAgreed(CASE, DISTRICT, fixture.currentTime(), SUBJECT, 1, NEEDS,
                        InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES, PANEL)};
    }

    private ConfidentialityAgreementRecorded agreementRecorded(Instant validUntil) {
        return new ConfidentialityAgreementRecorded(CASE, DISTRICT, fixture.currentTime(), MEMBER, Agency.HEALTH,
                validUntil, MEMBER);
    }

    private ConfidentialityAgreementExpired agreementExpired(String expiredBy) {
        return new ConfidentialityAgreementExpired(CASE, DISTRICT, fixture.currentTime(), MEMBER, Agency.HEALTH,
                expiredBy);
    }

    private AssessmentOpened opened() {
        return new AssessmentOpened(CASE, DISTRICT, fixture.currentTime(), SUBJECT, "uk-safeguarding", 1, PANEL,
                DUE);
    }

    private static ProposeFormulation propose(InterventionLevel level, Agency lead) {
        return new ProposeFormulation(CASE, NEEDS, level, lead, "social-worker-ada", SUMMARY);
    }

    private FormulationProposed proposed(int version, InterventionLevel level, Agency lead) {
        return new FormulationProposed(CASE, DISTRICT, fixture.currentTime(), version, NEEDS, level, lead,
                "social-worker-ada", SUMMARY);
    }

    private static EndorseFormulation endorse(int version, Agency agency) {
        return new EndorseFormulation(CASE, version, agency, "member-" + agency.name().toLowerCase());
    }

    private FormulationEndorsed endorsed(int version, Agency agency) {
        return new FormulationEndorsed(CASE, DISTRICT, fixture.currentTime(), version, agency,
                "member-" + agency.name().toLowerCase());
    }
}
