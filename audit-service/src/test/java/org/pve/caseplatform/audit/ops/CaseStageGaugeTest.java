package org.pve.caseplatform.audit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.Cases;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.history.Witnessed;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

class CaseStageGaugeTest {

    private static final Instant MARCH = Instant.parse("2031-03-04T09:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CohortProjection projection;
    private CaseStageGauge gauge;
    private long offset;

    @BeforeEach
    void setUp() {
        CohortCases cases = new CohortCases(Witnessed.freshDatabase());
        projection = new CohortProjection(cases);
        gauge = new CaseStageGauge(cases, registry);
    }

    @Test
    void countsCasesPerDistrictAndCurrentStage() {
        UUID waiting = UUID.randomUUID();
        witness(List.of(Cases.received(waiting, "dk-north", MARCH)));
        witness(List.of(Cases.received(UUID.randomUUID(), "dk-north", MARCH)));
        witness(Cases.screened(UUID.randomUUID(), "dk-north", MARCH, 2));
        witness(Cases.whole(UUID.randomUUID(), "dk-south", MARCH, ClosureOutcome.GOALS_MET));
        witness(Cases.escalated(UUID.randomUUID(), "dk-south", MARCH, SecurityDestination.INTELLIGENCE_SERVICE));

        gauge.recount();

        assertThat(gauges()).containsExactly(
                Map.entry("dk-north IN_ASSESSMENT", 1.0),
                Map.entry("dk-north REFERRED", 2.0),
                Map.entry("dk-south CLOSED", 1.0),
                Map.entry("dk-south ESCALATED_TO_SECURITY", 1.0));
    }

    @Test
    void aCaseThatMovesOnLeavesItsStageAtTheNextRecount() {
        UUID caseId = UUID.randomUUID();
        witness(List.of(Cases.received(caseId, "dk-north", MARCH)));
        gauge.recount();
        assertThat(gauges()).containsExactly(Map.entry("dk-north REFERRED", 1.0));

        witness(List.of(new SecurityScreenCleared(caseId, "dk-north", MARCH.plusSeconds(3600), UUID.randomUUID(),
                "sub-x", "screener-ole", "cleared")));
        assertThat(gauges()).as("until the recount the gauge shows the last count")
                .containsExactly(Map.entry("dk-north REFERRED", 1.0));
        gauge.recount();

        assertThat(gauges()).containsExactly(Map.entry("dk-north IN_ASSESSMENT", 1.0));
    }

    private Map<String, Double> gauges() {
        Map<String, Double> values = new TreeMap<>();
        for (Gauge g : registry.find(CaseStageGauge.NAME).gauges()) {
            values.put(g.getId().getTag("district") + " " + g.getId().getTag("stage"), g.value());
        }
        return values;
    }

    private void witness(List<? extends CaseEvent> events) {
        events.forEach(event -> projection.on(Witnessed.delivered(event, offset++)));
    }
}
