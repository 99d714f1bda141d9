package org.pve.caseplatform.assessment.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.domain.StaleVersion;
import org.pve.caseplatform.support.web.Versions;
import org.pve.caseplatform.assessment.api.ConcludeNoFurtherAction;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.EscalateAssessment;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.MarkAssessmentOverdue;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.api.RateFactor;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.ShareAgencyInformation;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.SharingPurpose;
import org.pve.caseplatform.contract.assessment.AgencyInformationShared;
import org.pve.caseplatform.contract.assessment.AssessmentConcludedNoFurtherAction;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.AssessmentOverdue;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.assessment.FactorRated;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.assessment.FormulationEndorsed;
import org.pve.caseplatform.contract.assessment.FormulationProposed;

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
    private static final List<String> MASH_BASES = List.of("GB-CDA-1998-S115", "GB-CA-2004-S11", "CONSENT");
    private static final String ESCALATION_REASON = "invented: a plan of violence came to light";
    private static final String NFA_RATIONALE = "invented: the concern was a misunderstanding";

    private AggregateTestFixture<CaseAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAssessment.class);
        fixture.registerInjectableResource(ShippedFrameworks.catalogue(ShippedFrameworks.ukSafeguardingV2()));
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

    @Test
    void aPanelAgencySharesInformationOnALegalBasisOfItsPracticeModel() {
        fixture.given(opened())
                .when(share(Agency.HEALTH, "GB-CDA-1998-S115", SharingPurpose.SUPPORT))
                .expectEvents(shared(Agency.HEALTH, "GB-CDA-1998-S115", SharingPurpose.SUPPORT));
    }

    @Test
    void informationSharedForSafeguardingIsAccepted() {
        fixture.given(opened())
                .when(share(Agency.POLICE, "CONSENT", SharingPurpose.SAFEGUARDING))
                .expectEvents(shared(Agency.POLICE, "CONSENT", SharingPurpose.SAFEGUARDING));
    }

    @Test
    void aLegalBasisThePracticeModelDoesNotAllowIsRefusedNamingIt() {
        fixture.given(opened())
                .when(share(Agency.HEALTH, "DK-AJA-S115", SharingPurpose.SUPPORT))
                .expectException(invalid("legalBasis", "not a legal basis of the MASH practice model"))
                .expectNoEvents();
    }

    @Test
    void sharingWithoutAPurposeIsRefusedNamingIt() {
        fixture.given(opened())
                .when(share(Agency.HEALTH, "CONSENT", null))
                .expectException(invalid("purpose", ""))
                .expectNoEvents();
    }

    @Test
    void anAgencyOffThePanelSharesNothing() {
        fixture.given(opened())
                .when(share(Agency.EDUCATION, "CONSENT", SharingPurpose.SUPPORT))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void aPanelAgencyRatesAFactor() {
        fixture.given(opened())
                .when(rate(Agency.POLICE, 3))
                .expectEvents(rated(Agency.POLICE, 3));
    }

    @Test
    void theLowestRatingIsZero() {
        fixture.given(opened())
                .when(rate(Agency.HEALTH, 0))
                .expectEvents(rated(Agency.HEALTH, 0));
    }

    @Test
    void aRatingAboveThreeIsRefusedNamingIt() {
        fixture.given(opened())
                .when(rate(Agency.HEALTH, 4))
                .expectException(invalid("rating", "0 to 3"))
                .expectNoEvents();
    }

    @Test
    void aNegativeRatingIsRefusedNamingIt() {
        fixture.given(opened())
                .when(rate(Agency.HEALTH, -1))
                .expectException(invalid("rating", "0 to 3"))
                .expectNoEvents();
    }

    @Test
    void aRatingNamesADomainOfTheAssessmentsFramework() {
        fixture.given(opened())
                .when(new RateFactor(CASE, "beliefs", "risk", 2, SUMMARY, "member-police", Agency.POLICE))
                .expectException(invalid("domain", "uk-safeguarding v1"))
                .expectNoEvents();
    }

    @Test
    void aRatingNamesAFactorOfItsDomain() {
        fixture.given(opened())
                .when(new RateFactor(CASE, "housing", "extremism", 2, SUMMARY, "member-police", Agency.POLICE))
                .expectException(invalid("factorId", "extremism"))
                .expectNoEvents();
    }

    @Test
    void anAssessmentKeepsItsFrameworkVersionWhenANewOneIsPublished() {
        // v2 of uk-safeguarding adds online-harm; this assessment was opened with v1, so it does not have it
        fixture.given(opened())
                .when(new RateFactor(CASE, "online-harm", "extremism", 2, SUMMARY, "member-police", Agency.POLICE))
                .expectException(invalid("factorId", "uk-safeguarding v1"))
                .expectNoEvents();
    }

    @Test
    void anAssessmentOpenedWithTheNewVersionRatesItsNewFactor() {
        fixture.given(new AssessmentOpened(CASE, DISTRICT, fixture.currentTime(), SUBJECT, "uk-safeguarding", 2,
                        PANEL, DUE))
                .when(new RateFactor(CASE, "online-harm", "extremism", 2, SUMMARY, "member-police", Agency.POLICE))
                .expectEvents(new FactorRated(CASE, DISTRICT, fixture.currentTime(), "online-harm", "extremism", 2,
                        SUMMARY, "member-police", Agency.POLICE));
    }

    @Test
    void aChangeBasedOnTheCurrentVersionIsAccepted() {
        // opened and one proposal: the assessment is at version 1 (sequence numbers start at 0)
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(endorse(1, Agency.POLICE), Map.of(Versions.EXPECTED_VERSION, 1L))
                .expectEvents(endorsed(1, Agency.POLICE));
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedNamingBothVersions() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.SOCIAL_SERVICES))
                .when(rate(Agency.HEALTH, 2), Map.of(Versions.EXPECTED_VERSION, 1L))
                .expectException(StaleVersion.class)
                .expectExceptionMessage("the record is at version 2, not the version 1 the change was based on")
                .expectNoEvents();
    }

    @Test
    void aChangeWithoutAnExpectedVersionIsAppliedToTheCurrentOne() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(rate(Agency.HEALTH, 2))
                .expectEvents(rated(Agency.HEALTH, 2));
    }

    @Test
    void anAgencyOffThePanelRatesNothing() {
        fixture.given(opened())
                .when(rate(Agency.PROBATION, 2))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void endorsementsOfAnEarlierVersionDoNotCountTowardsAgreeingTheNewOne() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.SOCIAL_SERVICES), endorsed(1, Agency.POLICE),
                        proposed(2, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(endorse(2, Agency.HEALTH))
                .expectEvents(endorsed(2, Agency.HEALTH));
    }

    @Test
    void theNewVersionIsAgreedOnceEveryAgencyEndorsedItAgain() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES),
                        endorsed(1, Agency.SOCIAL_SERVICES), endorsed(1, Agency.POLICE),
                        proposed(2, InterventionLevel.EARLY_SUPPORT, Agency.HEALTH),
                        endorsed(2, Agency.HEALTH), endorsed(2, Agency.SOCIAL_SERVICES))
                .when(endorse(2, Agency.POLICE))
                .expectEvents(endorsed(2, Agency.POLICE),
                        new FormulationAgreed(CASE, DISTRICT, fixture.currentTime(), SUBJECT, 2, NEEDS,
                                InterventionLevel.EARLY_SUPPORT, Agency.HEALTH,
                                List.of(Agency.HEALTH, Agency.SOCIAL_SERVICES, Agency.POLICE)));
    }

    @Test
    void aSecurityLedProposalNamingAnotherLeadIsLedByThePolice() {
        fixture.given(opened())
                .when(propose(InterventionLevel.SECURITY_LED, Agency.HEALTH))
                .expectEvents(proposed(1, InterventionLevel.SECURITY_LED, Agency.POLICE));
    }

    @Test
    void thePanelEscalatesAnOpenAssessmentToSecurity() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(new EscalateAssessment(CASE, ESCALATION_REASON, "member-police",
                        SecurityDestination.POLICE_INVESTIGATION))
                .expectEvents(escalated());
    }

    @Test
    void anEscalatedAssessmentTakesNoFurtherCommands() {
        Object[] history = {opened(), escalated()};
        fixture.given(history).when(propose(InterventionLevel.TARGETED, Agency.HEALTH))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(share(Agency.HEALTH, "CONSENT", SharingPurpose.SUPPORT))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(rate(Agency.HEALTH, 1))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(new ConcludeNoFurtherAction(CASE, NFA_RATIONALE, "member-health"))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(new EscalateAssessment(CASE, ESCALATION_REASON, "member-police",
                        SecurityDestination.POLICE_INVESTIGATION))
                .expectException(violationOf("stage")).expectNoEvents();
    }

    @Test
    void thePanelConcludesThatNoInterventionIsNeeded() {
        fixture.given(opened())
                .when(new ConcludeNoFurtherAction(CASE, NFA_RATIONALE, "member-health"))
                .expectEvents(concluded());
    }

    @Test
    void aConcludedAssessmentTakesNoFurtherCommands() {
        Object[] history = {opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES), concluded()};
        fixture.given(history).when(endorse(1, Agency.HEALTH))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(new EscalateAssessment(CASE, ESCALATION_REASON, "member-police",
                        SecurityDestination.INTELLIGENCE_SERVICE))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(history).when(rate(Agency.POLICE, 2))
                .expectException(violationOf("stage")).expectNoEvents();
    }

    @Test
    void anAgreedAssessmentIsNeitherEscalatedNorConcludedHere() {
        fixture.given(agreedAssessment()).when(new ConcludeNoFurtherAction(CASE, NFA_RATIONALE, "member-health"))
                .expectException(violationOf("stage")).expectNoEvents();
        fixture.given(agreedAssessment()).when(share(Agency.HEALTH, "CONSENT", SharingPurpose.SUPPORT))
                .expectException(violationOf("stage")).expectNoEvents();
    }

    @Test
    void anOpenAssessmentPastItsDueAtIsMarkedOverdue() {
        fixture.given(opened(), proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AssessmentOverdue(CASE, DISTRICT, fixture.currentTime(), DUE));
    }

    @Test
    void anAssessmentIsMarkedOverdueOnlyOnce() {
        fixture.given(opened(), overdue())
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgreedAssessmentIsNeverOverdue() {
        fixture.given(agreedAssessment())
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEscalatedAssessmentIsNeverOverdue() {
        fixture.given(opened(), escalated())
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aConcludedAssessmentIsNeverOverdue() {
        fixture.given(opened(), concluded())
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineEarlierThanTheAssessmentsDueAtChangesNothing() {
        fixture.given(opened())
                .when(new MarkAssessmentOverdue(CASE, DUE.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOverdueAssessmentStillTakesProposals() {
        fixture.given(opened(), overdue())
                .when(propose(InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES))
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed(1, InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES));
    }

    @Test
    void aDeadlineOfACaseWithoutAssessmentIsRefusedAsMissing() {
        fixture.givenNoPriorActivity()
                .when(new MarkAssessmentOverdue(CASE, DUE))
                .expectException(AggregateNotFoundException.class);
    }

    private static ShareAgencyInformation share(Agency agency, String legalBasis, SharingPurpose purpose) {
        return new ShareAgencyInformation(CASE, agency, "member-" + agency.name().toLowerCase(), legalBasis, purpose,
                SUMMARY, "MASH", MASH_BASES);
    }

    private AgencyInformationShared shared(Agency agency, String legalBasis, SharingPurpose purpose) {
        return new AgencyInformationShared(CASE, DISTRICT, fixture.currentTime(), agency,
                "member-" + agency.name().toLowerCase(), legalBasis, purpose, SUMMARY);
    }

    private static RateFactor rate(Agency agency, int rating) {
        return new RateFactor(CASE, "intent-and-capability", "extremism", rating, SUMMARY,
                "member-" + agency.name().toLowerCase(), agency);
    }

    private FactorRated rated(Agency agency, int rating) {
        return new FactorRated(CASE, DISTRICT, fixture.currentTime(), "intent-and-capability", "extremism", rating,
                SUMMARY, "member-" + agency.name().toLowerCase(), agency);
    }

    private AssessmentEscalatedToSecurity escalated() {
        return new AssessmentEscalatedToSecurity(CASE, DISTRICT, fixture.currentTime(), ESCALATION_REASON,
                "member-police", SecurityDestination.POLICE_INVESTIGATION);
    }

    private AssessmentOverdue overdue() {
        return new AssessmentOverdue(CASE, DISTRICT, fixture.currentTime(), DUE);
    }

    private AssessmentConcludedNoFurtherAction concluded() {
        return new AssessmentConcludedNoFurtherAction(CASE, DISTRICT, fixture.currentTime(), NFA_RATIONALE,
                "member-health");
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
