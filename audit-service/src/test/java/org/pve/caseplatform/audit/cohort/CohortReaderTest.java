package org.pve.caseplatform.audit.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.history.Witnessed;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.SecurityDestination;

class CohortReaderTest {

    private static final Instant MARCH = Instant.parse("2031-03-04T09:00:00Z");
    private static final Instant APRIL = Instant.parse("2031-04-02T09:00:00Z");

    private CohortCases cases;
    private CohortProjection projection;
    private CohortReader reader;
    private long offset;

    @BeforeEach
    void setUp() {
        cases = new CohortCases(Witnessed.freshDatabase());
        projection = new CohortProjection(cases);
        reader = new CohortReader(cases);
    }

    @Test
    void casesAreCountedPerDistrictReferralMonthAndStage() {
        for (int i = 0; i < 6; i++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-north", MARCH, 2));
        }
        witness(Cases.closedNoFurtherAction(UUID.randomUUID(), "dk-north", MARCH));
        witness(Cases.screened(UUID.randomUUID(), "dk-north", APRIL, 2));
        witness(Cases.screened(UUID.randomUUID(), "dk-south", MARCH, 2));

        assertThat(reader.stages(CohortScope.district("dk-north"), "2031-03", false)).containsExactly(
                new StageCount("dk-north", "2031-03", "CLOSED_NO_FURTHER_ACTION", 1, false),
                new StageCount("dk-north", "2031-03", "IN_ASSESSMENT", 6, false));
        assertThat(reader.stages(CohortScope.district(null), null, false)).hasSize(4);
    }

    @Test
    void forTheNetworkCountsUnderFiveAreWithheld() {
        for (int i = 0; i < 5; i++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-north", MARCH, 2));
        }
        for (int i = 0; i < 4; i++) {
            witness(Cases.closedNoFurtherAction(UUID.randomUUID(), "dk-north", MARCH));
        }

        assertThat(reader.stages(CohortScope.district("dk-north"), null, true)).containsExactly(
                new StageCount("dk-north", "2031-03", "CLOSED_NO_FURTHER_ACTION", null, true),
                new StageCount("dk-north", "2031-03", "IN_ASSESSMENT", 5, false));
    }

    @Test
    void aCaseSealedOnTheSecuritySideIsCountedForThePoliceAlone() {
        witness(Cases.escalated(UUID.randomUUID(), "dk-sealed", MARCH, SecurityDestination.INTELLIGENCE_SERVICE));
        witness(Cases.escalated(UUID.randomUUID(), "dk-sealed", MARCH, SecurityDestination.CHANNEL_PANEL));

        assertThat(reader.stages(new CohortScope(Set.of("dk-sealed"), false), null, false))
                .containsExactly(new StageCount("dk-sealed", "2031-03", "REFERRED", 1, false));
        assertThat(reader.outcomes(new CohortScope(Set.of("dk-sealed"), false), false))
                .containsExactly(new OutcomeCount("dk-sealed", "ESCALATION", "CHANNEL_PANEL", 1, false));
        assertThat(reader.stages(new CohortScope(Set.of("dk-sealed"), true), null, false)).hasSize(2);
    }

    @Test
    void aScopeOfSeveralDistrictsCountsThoseAlone() {
        witness(Cases.screened(UUID.randomUUID(), "dk-one", MARCH, 2));
        witness(Cases.screened(UUID.randomUUID(), "dk-two", MARCH, 2));
        witness(Cases.screened(UUID.randomUUID(), "dk-three", MARCH, 2));

        assertThat(reader.stages(new CohortScope(Set.of("dk-one", "dk-two"), false), null, false))
                .extracting(StageCount::districtId).containsExactlyInAnyOrder("dk-one", "dk-two");
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> events = Cases.screened(caseId, "dk-north", MARCH, 2);
        var first = Witnessed.delivered(events.get(0), 1);
        projection.on(first);
        projection.on(first);

        assertThat(reader.stages(CohortScope.district("dk-north"), null, false))
                .containsExactly(new StageCount("dk-north", "2031-03", "REFERRED", 1, false));
        assertThat(cases.all(CohortScope.district("dk-north")).get(0).get("facts", Document.class)).hasSize(1);
    }

    @Test
    void eventsDeliveredOutOfOrderAddUpToTheSameStage() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> events = Cases.whole(caseId, "dk-north", MARCH, ClosureOutcome.GOALS_MET);
        for (int i = events.size() - 1; i >= 0; i--) {
            projection.on(Witnessed.delivered(events.get(i), offset++));
        }

        assertThat(reader.stages(CohortScope.district("dk-north"), null, false))
                .containsExactly(new StageCount("dk-north", "2031-03", "CLOSED", 1, false));
    }

    @Test
    void timeInStageGivesTheMedianAndNinetiethPercentileOfCompletedStays() {
        for (long hours = 1; hours <= 10; hours++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-north", MARCH, hours));
        }

        assertThat(reader.timeInStage(CohortScope.district("dk-north"), false))
                .containsExactly(new TimeInStage("dk-north", "REFERRED", 10, "PT5H", "PT9H", false));
    }

    @Test
    void forTheNetworkTimeInStageOfFewerThanFiveStaysIsWithheld() {
        for (long hours = 1; hours <= 3; hours++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-north", MARCH, hours));
        }

        assertThat(reader.timeInStage(CohortScope.district("dk-north"), true))
                .containsExactly(new TimeInStage("dk-north", "REFERRED", null, null, null, true));
        assertThat(reader.timeInStage(CohortScope.district("dk-north"), false))
                .containsExactly(new TimeInStage("dk-north", "REFERRED", 3, "PT2H", "PT3H", false));
    }

    @Test
    void outcomesCountEscalationsByDestinationAndClosuresByOutcome() {
        witness(Cases.escalated(UUID.randomUUID(), "dk-north", MARCH, SecurityDestination.POLICE_INVESTIGATION));
        witness(Cases.escalated(UUID.randomUUID(), "dk-north", MARCH, SecurityDestination.CHANNEL_PANEL));
        witness(Cases.whole(UUID.randomUUID(), "dk-north", MARCH, ClosureOutcome.GOALS_MET));
        witness(Cases.whole(UUID.randomUUID(), "dk-north", MARCH, ClosureOutcome.GOALS_MET));
        witness(Cases.closedNoFurtherAction(UUID.randomUUID(), "dk-north", MARCH));
        witness(Cases.whole(UUID.randomUUID(), "dk-south", MARCH, ClosureOutcome.DISENGAGED));

        assertThat(reader.outcomes(CohortScope.district("dk-north"), false)).containsExactly(
                new OutcomeCount("dk-north", "CLOSURE", "GOALS_MET", 2, false),
                new OutcomeCount("dk-north", "CLOSURE", "NO_FURTHER_ACTION:NO_CONCERN", 1, false),
                new OutcomeCount("dk-north", "ESCALATION", "CHANNEL_PANEL", 1, false),
                new OutcomeCount("dk-north", "ESCALATION", "POLICE_INVESTIGATION", 1, false));
        assertThat(reader.outcomes(CohortScope.district(null), true)).allSatisfy(row -> assertThat(row.suppressed()).isTrue());
    }

    @Test
    void theCohortKeepsNoPersonalOrFreeTextField() {
        witness(Cases.whole(UUID.randomUUID(), "dk-north", MARCH, ClosureOutcome.GOALS_MET));

        String stored = cases.all(CohortScope.district(null)).get(0).toJson();
        assertThat(stored).doesNotContain("ciphertext", "aW52ZW50ZWQgaWRlbnRpdHk=", "YnJpZWZpbmc=", "rationale",
                "cleared", "subjectIdentity");
    }

    private void witness(List<CaseEvent> events) {
        events.forEach(event -> projection.on(Witnessed.delivered(event, offset++)));
    }
}
