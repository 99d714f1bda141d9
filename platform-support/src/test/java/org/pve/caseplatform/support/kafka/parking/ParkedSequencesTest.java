package org.pve.caseplatform.support.kafka.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * The parked-sequence store against a MongoDB-wire server, where a retry meets records queued meanwhile (by the
 * instance that owns the case's partition): it removes or shortens a sequence only as it read it, and a record
 * queued after the removal is refused, so its consumer handles it normally.
 */
class ParkedSequencesTest {

    private static final MongoClient MONGO = MongoClients.create(TestInfrastructure.mongo().connectionString());

    private final ParkedSequences store = new ParkedSequences(MONGO.getDatabase("parked-" + UUID.randomUUID()
            .toString().substring(0, 8)).getCollection(ParkedSequences.COLLECTION), Clock.systemUTC());

    @AfterAll
    static void closeMongo() {
        MONGO.close();
    }

    @Test
    void aSequenceIsRemovedOnlyWhenNoRecordWasQueuedAfterTheRetryReadIt() {
        store.park("plan", "case-1", "dk-fyn", "PlanOpened (revision 1) failed 3 times: X", position(10));
        assertThat(store.append("plan", "case-1", position(12))).isTrue();

        assertThat(store.removeIfNoMoreThan("plan", "case-1", 1)).as("a record came after the one handled").isFalse();
        assertThat(store.find("plan", "case-1").orElseThrow().positions()).extracting(ParkedPosition::offset)
                .containsExactly(10L, 12L);
        assertThat(store.removeIfNoMoreThan("plan", "case-1", 2)).isTrue();
        assertThat(store.find("plan", "case-1")).isEmpty();
        assertThat(store.append("plan", "case-1", position(14))).as("no longer parked: handled normally").isFalse();
        assertThat(store.find("plan", "case-1")).isEmpty();
    }

    @Test
    void aRetryThatFailsKeepsTheSequenceFromTheFailedRecordOnWithTheNewReason() {
        store.park("plan", "case-2", "dk-fyn", "first reason", position(3));
        store.append("plan", "case-2", position(5));
        store.append("plan", "case-2", position(8));

        store.keepFrom("plan", "case-2", 1, "second reason");

        ParkedSequence kept = store.find("plan", "case-2").orElseThrow();
        assertThat(kept.positions()).extracting(ParkedPosition::offset).containsExactly(5L, 8L);
        assertThat(kept.reason()).isEqualTo("second reason");
        assertThat(kept.districtId()).isEqualTo("dk-fyn");
        assertThat(kept.lastTriedAt()).isAfterOrEqualTo(kept.parkedAt());
        assertThat(store.removeIfNoMoreThan("plan", "case-2", 2)).as("its count follows the positions").isTrue();
    }

    @Test
    void eachConsumerParksItsOwnSequenceOfACase() {
        store.park("plan", "case-3", "uk-luton", "reason", position(1));
        store.park("ledger", "case-3", "uk-luton", "reason", position(1));

        assertThat(store.casesOf("plan")).containsExactly("case-3");
        assertThat(store.all()).extracting(ParkedSequence::consumer).containsExactlyInAnyOrder("plan", "ledger");
        assertThat(store.find("other", "case-3")).isEmpty();
    }

    private static ParkedPosition position(long offset) {
        return new ParkedPosition("case.plan.events", 0, offset, "m-" + offset, "PlanOpened", 1);
    }
}
