package org.pve.caseplatform.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The deadline gauges count what the store holds, per kind and district, against a MongoDB-wire server. */
class DeadlineMetricsIT {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    private final MongoCollection<Document> deadlines = client
            .getDatabase("deadline-metrics-" + UUID.randomUUID().toString().substring(0, 8))
            .getCollection("deadlines");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadlineMetrics metrics = new DeadlineMetrics(registry, deadlines,
            deadline -> deadline.getString("type").toLowerCase(), "type");

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void pendingAndOverdueCountTheUnfiredDeadlinesPerKindAndDistrict() {
        insert("REVIEW", "dk-fyn", NOW.plusSeconds(60), false);
        insert("REVIEW", "dk-fyn", NOW.plusSeconds(120), false);
        insert("REVIEW", "dk-fyn", NOW.minusSeconds(60), false);
        insert("REVIEW", "dk-fyn", NOW.minusSeconds(600), true);
        insert("HANDOVER", "fr-75", NOW.minusSeconds(1), false);
        insert("HANDOVER", null, NOW.plusSeconds(1), false);

        metrics.refresh(NOW);

        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING, "review", "dk-fyn")).isEqualTo(2);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "review", "dk-fyn")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "handover", "fr-75")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING, "handover", "unknown")).isEqualTo(1);

        metrics.refresh(NOW.plusSeconds(90));
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING, "review", "dk-fyn")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "review", "dk-fyn")).isEqualTo(2);

        deadlines.updateMany(new Document("type", "REVIEW"), new Document("$set", new Document("fired", true)));
        metrics.refresh(NOW.plusSeconds(90));
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "review", "dk-fyn"))
                .as("a kind and district once seen stays, at 0").isZero();
    }

    @Test
    void aFiredDeadlineIsCountedOnceUnderItsKindAndDistrict() {
        String first = insert("REVIEW", "dk-fyn", NOW, false);
        String second = insert("REVIEW", "dk-fyn", NOW, false);
        String unplaced = insert("HANDOVER", null, NOW, false);

        metrics.markFired(first, NOW);
        metrics.markFired(first, NOW.plusSeconds(5));
        metrics.markFired(second, NOW);
        metrics.markFired(unplaced, NOW);
        metrics.markFired("no-such-deadline", NOW);

        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "review").tag("district", "dk-fyn")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "handover").tag("district", "unknown")
                .counter().count()).isEqualTo(1);
        assertThat(deadlines.find(new Document("_id", first)).first().getString("firedAt"))
                .as("a second firing changes nothing").isEqualTo(NOW.toString());
    }

    private String insert(String type, String district, Instant dueAt, boolean fired) {
        Document deadline = new Document("_id", UUID.randomUUID().toString()).append("type", type)
                .append("dueAtMillis", dueAt.toEpochMilli()).append("fired", fired);
        if (district != null) {
            deadline.append("districtId", district);
        }
        deadlines.insertOne(deadline);
        return deadline.getString("_id");
    }

    private double gauge(String name, String kind, String district) {
        Gauge gauge = registry.find(name).tag("kind", kind).tag("district", district).gauge();
        assertThat(gauge).as(name + " " + kind + " " + district).isNotNull();
        return gauge.value();
    }
}
