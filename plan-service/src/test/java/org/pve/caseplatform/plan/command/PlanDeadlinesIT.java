package org.pve.caseplatform.plan.command;

import org.pve.caseplatform.support.sharding.DistrictShard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The plan's deadline store reports its three kinds of deadline per district, on the MongoDB-wire server. */
class PlanDeadlinesIT {

    private static final Instant NOW = Instant.parse("2031-06-01T09:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandGateway commands = mock(CommandGateway.class);
    private MongoClient client;
    private PlanDeadlines deadlines;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        deadlines = new PlanDeadlines(new ServiceDatabase(client.getDatabase(
                "plan-deadlines-" + UUID.randomUUID().toString().substring(0, 8))), registry);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void eachKindIsCountedUnderItsDistrictAndFiredOnce() {
        UUID caseId = UUID.randomUUID();
        deadlines.handover(caseId, "uk-luton", NOW.minusSeconds(60));
        deadlines.review(caseId, "uk-luton", NOW.plusSeconds(3_600));
        deadlines.review(UUID.randomUUID(), "dk-fyn", NOW.plusSeconds(3_600));
        deadlines.stalled(caseId, "uk-luton", UUID.randomUUID(), NOW.minusSeconds(1));

        deadlines.measure(NOW);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "handover", "uk-luton")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "start-by", "uk-luton")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING, "review", "uk-luton")).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING, "review", "dk-fyn")).isEqualTo(1);

        PlanDeadlinePoller poller = new PlanDeadlinePoller(deadlines, commands, Clock.fixed(NOW, ZoneOffset.UTC),
                DistrictShard.everything());
        assertThat(poller.fireDue()).isEqualTo(2);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE, "handover", "uk-luton")).isZero();
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "start-by").tag("district", "uk-luton")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "handover").counter().count())
                .isEqualTo(1);
    }

    private double gauge(String name, String kind, String district) {
        return registry.get(name).tag("kind", kind).tag("district", district).gauge().value();
    }
}
