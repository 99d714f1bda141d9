package org.pve.caseplatform.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseTimelineTest {

    private static final Instant T0 = Instant.parse("2031-03-04T09:00:00Z");

    private final List<TimelineEvent> events = new ArrayList<>();

    @Test
    void aReceivedReferralIsReferred() {
        happened("ReferralReceived", 0, null, Map.of());

        assertThat(timeline().state().stage()).isEqualTo(CaseStage.REFERRED);
        assertThat(timeline().state().lastDecision()).isNull();
    }

    @Test
    void aClearedScreenPutsTheCaseInAssessmentAndIsTheLastDecision() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("SecurityScreenCleared", 60, "screener-ole", Map.of());

        CaseState state = timeline().state();
        assertThat(state.stage()).isEqualTo(CaseStage.IN_ASSESSMENT);
        assertThat(state.lastDecision())
                .isEqualTo(new Decision("SecurityScreenCleared", T0.plusSeconds(60), "screener-ole", null));
    }

    @Test
    void anEscalationToSecurityTakesTheCaseOffTheTrackUntilItIsReturned() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("ReferralEscalatedToSecurity", 60, "screener-ole", Map.of("escalatedTo", "POLICE_INVESTIGATION"));
        assertThat(timeline().state().stage()).isEqualTo(CaseStage.ESCALATED_TO_SECURITY);
        assertThat(timeline().state().lastDecision().outcome()).isEqualTo("POLICE_INVESTIGATION");

        happened("CaseReturnedFromSecurity", 120, "pet-officer", Map.of());
        assertThat(timeline().state().stage()).isEqualTo(CaseStage.REFERRED);
        assertThat(timeline().escalations()).isEqualTo(1);
    }

    @Test
    void anEscalationToTheChannelPanelKeepsTheStage() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("ReferralEscalatedToSecurity", 60, "screener-ole", Map.of("escalatedTo", "CHANNEL_PANEL"));

        assertThat(timeline().state().stage()).isEqualTo(CaseStage.REFERRED);
        assertThat(timeline().escalations()).isEqualTo(1);
    }

    @Test
    void aScreenerCanCloseTheReferralWithNoFurtherAction() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("ReferralClosedNoFurtherAction", 3600, "screener-ole", Map.of("reason", "NO_CONCERN"));

        assertThat(timeline().state().stage()).isEqualTo(CaseStage.CLOSED_NO_FURTHER_ACTION);
        assertThat(timeline().closureOutcome()).isEqualTo("NO_FURTHER_ACTION:NO_CONCERN");
        assertThat(timeline().durations().referralToClosure()).isEqualTo("PT1H");
    }

    @Test
    void theCaseMovesThroughFormulationPlanDeliveryAndClosure() {
        wholeCase();

        CaseTimeline timeline = timeline();
        assertThat(timeline.state().stage()).isEqualTo(CaseStage.CLOSED);
        assertThat(timeline.stages()).extracting(StageEntry::stage).containsExactly(CaseStage.REFERRED,
                CaseStage.IN_ASSESSMENT, CaseStage.FORMULATION_AGREED, CaseStage.PLANNED, CaseStage.IN_DELIVERY,
                CaseStage.CLOSED);
        assertThat(timeline.state().lastDecision())
                .isEqualTo(new Decision("CaseClosed", T0.plusSeconds(864_000), "owner-mette", "GOALS_MET"));
        assertThat(timeline.closureOutcome()).isEqualTo("GOALS_MET");
    }

    @Test
    void aCommissionStaysOpenUntilItsProviderCompletesOrDeclinesIt() {
        happened("ServiceCommissioned", 0, "owner-mette",
                Map.of("commissionId", "c-1", "providerId", "ngo-exit", "serviceType", "MENTORING"));
        happened("ServiceCommissioned", 10, "owner-mette",
                Map.of("commissionId", "c-2", "providerId", "ngo-family", "serviceType", "FAMILY_SUPPORT"));
        happened("ServiceCommissioned", 20, "owner-mette",
                Map.of("commissionId", "c-3", "providerId", "ngo-edu", "serviceType", "EDUCATION"));
        happened("ServiceDeclined", 30, "ngo-family", Map.of("commissionId", "c-2"));
        happened("ServiceCompleted", 40, "ngo-edu", Map.of("commissionId", "c-3"));

        assertThat(timeline().state().openCommissions())
                .containsExactly(new OpenCommission("c-1", "ngo-exit", "MENTORING", T0));
    }

    @Test
    void theDurationsRunBetweenTheFirstTimeEachMilestoneWasReached() {
        wholeCase();

        StageDurations durations = timeline().durations();
        assertThat(durations.referralToScreening()).isEqualTo("PT2H");
        assertThat(durations.screeningToFormulation()).isEqualTo("PT22H");
        assertThat(durations.formulationToFirstCommission()).isEqualTo("PT48H");
        assertThat(durations.firstCommissionToClosure()).isEqualTo("PT168H");
        assertThat(durations.referralToClosure()).isEqualTo("PT240H");
    }

    @Test
    void aMilestoneNotYetReachedHasNoDuration() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("SecurityScreenCleared", 7200, "screener-ole", Map.of());

        StageDurations durations = timeline().durations();
        assertThat(durations.referralToScreening()).isEqualTo("PT2H");
        assertThat(durations.screeningToFormulation()).isNull();
        assertThat(durations.formulationToFirstCommission()).isNull();
        assertThat(durations.referralToClosure()).isNull();
    }

    /** Referral at 0, screened at 2h, agreed at 1d, commissioned at 3d, closed at 10d. */
    private void wholeCase() {
        happened("ReferralReceived", 0, null, Map.of());
        happened("SecurityScreenCleared", 7_200, "screener-ole", Map.of());
        happened("AssessmentOpened", 7_300, null, Map.of());
        happened("FormulationAgreed", 86_400, null, Map.of("interventionLevel", "TARGETED"));
        happened("PlanOpened", 86_500, null, Map.of());
        happened("ServiceCommissioned", 259_200, "owner-mette", Map.of("commissionId", "c-1"));
        happened("ServiceDeliveryStarted", 300_000, "ngo-exit", Map.of("commissionId", "c-1"));
        happened("ServiceCompleted", 800_000, "ngo-exit", Map.of("commissionId", "c-1"));
        happened("CaseClosed", 864_000, "owner-mette", Map.of("outcome", "GOALS_MET"));
    }

    private void happened(String type, long secondsAfterReferral, String actor, Map<String, Object> data) {
        events.add(new TimelineEvent(type, T0.plusSeconds(secondsAfterReferral), actor, data));
    }

    private CaseTimeline timeline() {
        return CaseTimeline.of(events);
    }
}
