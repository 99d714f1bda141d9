package org.pve.caseplatform.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.cohort.Cases;
import org.pve.caseplatform.audit.history.Witnessed;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.support.kafka.DeliveredEvent;

class ReplayComparatorTest {

    private static final Instant MARCH = Instant.parse("2031-03-04T09:00:00Z");

    private final MongoDatabase live = Witnessed.freshDatabase();
    private final MongoDatabase replay = Witnessed.freshDatabase();

    @Test
    void whatTheLiveModelsSawAfterTheReplayEndedIsNoDifference() {
        List<CaseEvent> events = Cases.whole(UUID.randomUUID(), "dk-east", MARCH, ClosureOutcome.GOALS_MET);
        for (int offset = 0; offset < events.size(); offset++) {
            DeliveredEvent event = Witnessed.delivered(events.get(offset), offset);
            witness(live, event);
            if (offset < 3) {
                witness(replay, event);
            }
        }

        ReplayComparison comparison = ReplayComparator.compare(live, replay, null, range(0, 3), true);

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.ledgerEntriesCompared()).isEqualTo(3);
        assertThat(comparison.cohortCasesCompared()).isEqualTo(1);
    }

    @Test
    void aFactTheReplayMissedWithinItsRangeIsADifference() {
        List<CaseEvent> events = Cases.screened(UUID.randomUUID(), "dk-east", MARCH, 2);
        DeliveredEvent received = Witnessed.delivered(events.get(0), 0);
        witness(live, received);
        witness(live, Witnessed.delivered(events.get(1), 1));
        witness(replay, received);

        ReplayComparison comparison = ReplayComparator.compare(live, replay, null, range(0, 2), true);

        assertThat(comparison.equal()).isFalse();
        assertThat(comparison.differences()).hasSize(2);
        assertThat(comparison.differences().get(0)).contains("is live but not in the replay");
        assertThat(comparison.differences().get(1)).startsWith("cohort case").contains("differs");
    }

    private static void witness(MongoDatabase database, DeliveredEvent event) {
        new LedgerProjection(new Ledger(database), Clock.fixed(MARCH, ZoneOffset.UTC)).on(event);
        new CohortProjection(new CohortCases(database)).on(event);
    }

    /** Witnessed.delivered puts every event on partition 0 of its catalogue topic, at the offset given. */
    private static ReplayedRange range(long start, long end) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        EventCatalogue.all().forEach(type -> {
            starts.put(new TopicPartition(type.topic(), 0), start);
            ends.put(new TopicPartition(type.topic(), 0), end);
        });
        return new ReplayedRange(starts, ends);
    }
}
