package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.assessment.AgencyInformationShared;
import org.pve.caseplatform.contract.assessment.AssessmentConcludedNoFurtherAction;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.ChronologyEntryRecorded;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.assessment.FactorRated;
import org.pve.caseplatform.contract.assessment.PanelDecisionRecorded;
import org.pve.caseplatform.contract.assessment.PanelMeetingScheduled;
import org.pve.caseplatform.contract.assessment.RiskScenarioDescribed;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;

/** The catalogue names each event by its wire name and puts it on the topic of the service that publishes it. */
class EventCatalogueTest {

    @Test
    void theAccessLogCarriesOnlyCaseRecordAccessed() {
        assertThat(EventCatalogue.all().stream().filter(type -> type.topic().equals(Topics.ACCESS_LOG)))
                .extracting(EventType::name).containsExactly("CaseRecordAccessed");
        assertThat(EventCatalogue.of(CaseRecordAccessed.class).topic()).isEqualTo(Topics.ACCESS_LOG);
    }

    @Test
    void revealsErasuresAndRectificationsTravelWithTheReferralEvents() {
        assertThat(Arrays.asList(IdentityRevealed.class, PersonalDataErased.class, PersonalDataRectified.class))
                .allSatisfy(type -> assertThat(EventCatalogue.of(type).topic()).isEqualTo(Topics.REFERRAL_EVENTS));
    }

    @Test
    void confidentialityAgreementsTravelWithTheAssessmentEvents() {
        assertThat(Arrays.asList(ConfidentialityAgreementRecorded.class, ConfidentialityAgreementExpired.class))
                .allSatisfy(type -> assertThat(EventCatalogue.of(type).topic()).isEqualTo(Topics.ASSESSMENT_EVENTS));
    }

    @Test
    void eventsAreFoundByTheirWireNameAtRevisionOne() {
        EventType accessed = EventCatalogue.byName("CaseRecordAccessed").orElseThrow();

        assertThat(accessed.recordClass()).isEqualTo(CaseRecordAccessed.class);
        assertThat(accessed.revision()).isEqualTo(1);
        assertThat(EventCatalogue.byName("org.pve.caseplatform.contract.governance.CaseRecordAccessed")).isEmpty();
    }

    @Test
    void prosecutionIsAPurposeThatCanBeNamed() {
        assertThat(AccessPurpose.valueOf("PROSECUTION")).isNotNull();
        assertThat(AccessPurpose.values()).hasSize(9);
    }

    @Test
    void contributionsRatingsAndEndingsTravelWithTheAssessmentEvents() {
        assertThat(Arrays.asList(AgencyInformationShared.class, FactorRated.class,
                AssessmentEscalatedToSecurity.class, AssessmentConcludedNoFurtherAction.class))
                .allSatisfy(type -> assertThat(EventCatalogue.of(type).topic()).isEqualTo(Topics.ASSESSMENT_EVENTS));
    }

    @Test
    void prosecutionIsNeverASharingPurpose() {
        assertThat(SharingPurpose.values()).extracting(Enum::name).containsExactly("SUPPORT", "SAFEGUARDING");
    }

    @Test
    void panelMeetingsAndTheirDecisionsTravelWithTheAssessmentEvents() {
        assertThat(Arrays.asList(PanelMeetingScheduled.class, PanelDecisionRecorded.class))
                .allSatisfy(type -> assertThat(EventCatalogue.of(type).topic()).isEqualTo(Topics.ASSESSMENT_EVENTS));
        assertThat(Arrays.stream(PanelDecision.values()).filter(PanelDecision::endsAssessment))
                .containsExactly(PanelDecision.CONCLUDE_NO_FURTHER_ACTION, PanelDecision.ESCALATE_TO_SECURITY);
    }

    @Test
    void chronologyEntriesAndRiskScenariosTravelWithTheAssessmentEvents() {
        assertThat(Arrays.asList(ChronologyEntryRecorded.class, RiskScenarioDescribed.class))
                .allSatisfy(type -> assertThat(EventCatalogue.of(type).topic()).isEqualTo(Topics.ASSESSMENT_EVENTS));
        assertThat(EventCatalogue.byName("ChronologyEntryRecorded")).map(EventType::recordClass)
                .contains(ChronologyEntryRecorded.class);
    }
}
