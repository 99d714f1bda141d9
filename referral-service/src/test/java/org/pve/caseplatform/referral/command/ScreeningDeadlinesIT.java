package org.pve.caseplatform.referral.command;

import org.pve.caseplatform.support.sharding.DistrictShard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.referral.api.MarkScreeningOverdue;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The deadline store and its poller on the MongoDB-wire server, with the command side stood in for. */
class ScreeningDeadlinesIT {

    /** The general shard of an instance with no named shards: every district. */
    private static final DistrictShard ALL = DistrictShard.everything();
    private static final Instant RECEIVED = Instant.parse("2031-03-01T10:00:00Z");
    private static final Instant DUE = RECEIVED.plus(Duration.ofDays(3));

    private MongoClient client;
    private ServiceDatabase database;
    private ScreeningDeadlines deadlines;
    private final CommandGateway commands = mock(CommandGateway.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = new ServiceDatabase(client.getDatabase("deadlines-" + UUID.randomUUID().toString().substring(0, 8)));
        deadlines = new ScreeningDeadlines(database, registry);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aDeadlineWrittenTwiceKeepsItsFirstDueDate() {
        UUID referral = UUID.randomUUID();
        deadlines.schedule(referral, "uk-luton", DUE);
        deadlines.schedule(referral, "uk-luton", DUE.plus(Duration.ofDays(9)));

        assertThat(deadlines.due(DUE, ALL, 10)).extracting(ScreeningDeadlines.Deadline::dueAt).containsExactly(DUE);
        assertThat(stored(referral).getString("dueAt")).isEqualTo("2031-03-04T10:00:00Z");
    }

    @Test
    void onlyDeadlinesThatArePastAndUnfiredAreDue() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        deadlines.schedule(early, "uk-luton", DUE);
        deadlines.schedule(late, "dk-fyn", DUE.plus(Duration.ofDays(4)));

        assertThat(deadlines.due(DUE.minusMillis(1), ALL, 10)).isEmpty();
        assertThat(deadlines.due(DUE, ALL, 10)).extracting(ScreeningDeadlines.Deadline::referralId)
                .containsExactly(early);
        deadlines.markFired(deadlines.due(DUE, ALL, 10).get(0), DUE);
        assertThat(deadlines.due(DUE.plus(Duration.ofDays(30)), ALL, 10))
                .extracting(ScreeningDeadlines.Deadline::referralId).containsExactly(late);
    }

    @Test
    void theDueDeadlineIsSentOnceAndThenMarkedFired() {
        UUID referral = UUID.randomUUID();
        deadlines.schedule(referral, "uk-luton", DUE);
        ScreeningDeadlinePoller poller = poller(DUE.plusSeconds(60));

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(poller.fireDue()).isZero();

        verify(commands, times(1)).sendAndWait(new MarkScreeningOverdue(referral, DUE));
        assertThat(stored(referral).getBoolean("fired")).isTrue();
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "screening").tag("district", "uk-luton")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void nothingIsSentBeforeTheDueDate() {
        deadlines.schedule(UUID.randomUUID(), "uk-luton", DUE);

        assertThat(poller(DUE.minusSeconds(60)).fireDue()).isZero();

        verify(commands, never()).sendAndWait(any());
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING)).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE)).isZero();
    }

    @Test
    void aDeadlineWhoseReferralWasNeverStoredIsDropped() {
        UUID referral = UUID.randomUUID();
        deadlines.schedule(referral, "uk-luton", DUE);
        doThrow(new AggregateNotFoundException(referral.toString(), "no referral"))
                .when(commands).sendAndWait(any());

        poller(DUE.plusSeconds(60)).fireDue();
        assertThat(stored(referral)).as("one miss may be a poll racing the command that stores the referral")
                .isNotNull();
        poller(DUE.plusSeconds(90)).fireDue();

        assertThat(stored(referral)).isNull();
    }

    @Test
    void aDeadlineWhoseCommandFailedStaysDueForTheNextPollWithoutHoldingUpTheOthers() {
        UUID failing = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        deadlines.schedule(failing, "uk-luton", DUE);
        deadlines.schedule(next, "uk-luton", DUE.plusSeconds(1));
        doThrow(new IllegalStateException("event store unavailable")).when(commands)
                .sendAndWait(new MarkScreeningOverdue(failing, DUE));

        int fired = poller(DUE.plusSeconds(60)).fireDue();

        assertThat(fired).isEqualTo(1);
        assertThat(stored(failing).getBoolean("fired")).isFalse();
        assertThat(stored(next).getBoolean("fired")).isTrue();
        assertThat(deadlines.due(DUE.plusSeconds(60), ALL, 10)).extracting(ScreeningDeadlines.Deadline::referralId)
                .containsExactly(failing);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE)).as("due and not fired").isEqualTo(1);
    }

    private double gauge(String name) {
        return registry.get(name).tag("kind", "screening").tag("district", "uk-luton").gauge().value();
    }

    private ScreeningDeadlinePoller poller(Instant now) {
        return new ScreeningDeadlinePoller(deadlines, commands, Clock.fixed(now, ZoneOffset.UTC), ALL);
    }

    private Document stored(UUID referral) {
        return database.database().getCollection(ScreeningDeadlines.COLLECTION)
                .find(Filters.eq("_id", "screening-overdue:" + referral)).first();
    }
}
