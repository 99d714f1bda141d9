package org.pve.caseplatform.assessment.command;

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
import org.pve.caseplatform.assessment.api.MarkAssessmentOverdue;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The deadline store and its poller on the MongoDB-wire server, with the command side stood in for. */
class AssessmentDeadlinesIT {

    /** The general shard of an instance with no named shards: every district. */
    private static final DistrictShard ALL = DistrictShard.everything();
    private static final Instant DUE_AT = Instant.parse("2031-05-25T08:30:00Z");
    private static final String DISTRICT = "fr-75";

    private MongoClient client;
    private ServiceDatabase database;
    private AssessmentDeadlines deadlines;
    private final CommandGateway commands = mock(CommandGateway.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = new ServiceDatabase(client.getDatabase("deadlines-" + UUID.randomUUID().toString().substring(0, 8)));
        deadlines = new AssessmentDeadlines(database, registry);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void onlyDeadlinesThatArePastAndUnfiredAreDue() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        deadlines.schedule(early, DISTRICT, DUE_AT);
        deadlines.schedule(late, DISTRICT, DUE_AT.plus(Duration.ofDays(4)));

        assertThat(deadlines.due(DUE_AT.minusMillis(1), ALL, 10)).isEmpty();
        assertThat(deadlines.due(DUE_AT, ALL, 10)).extracting(AssessmentDeadlines.Deadline::caseId)
                .containsExactly(early);
        deadlines.markFired(deadlines.due(DUE_AT, ALL, 10).get(0), DUE_AT);
        assertThat(deadlines.due(DUE_AT.plus(Duration.ofDays(30)), ALL, 10))
                .extracting(AssessmentDeadlines.Deadline::caseId).containsExactly(late);
    }

    @Test
    void aCaseKeepsTheDeadlineRecordedFirst() {
        UUID caseId = UUID.randomUUID();
        deadlines.schedule(caseId, DISTRICT, DUE_AT);
        deadlines.schedule(caseId, DISTRICT, DUE_AT.plus(Duration.ofDays(7)));

        assertThat(deadlines.due(DUE_AT.plus(Duration.ofDays(30)), ALL, 10))
                .extracting(AssessmentDeadlines.Deadline::dueAt).containsExactly(DUE_AT);
    }

    @Test
    void theDueDeadlineIsSentOnceAndThenMarkedFired() {
        UUID caseId = UUID.randomUUID();
        deadlines.schedule(caseId, DISTRICT, DUE_AT);
        AssessmentDeadlinePoller poller = poller(DUE_AT.plusSeconds(60));

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(poller.fireDue()).isZero();

        verify(commands, times(1)).sendAndWait(new MarkAssessmentOverdue(caseId, DUE_AT));
        assertThat(stored(caseId).getBoolean("fired")).isTrue();
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "assessment").tag("district", DISTRICT)
                .counter().count()).isEqualTo(1);
        assertThat(deadlines.districtOf(caseId)).contains(DISTRICT);
    }

    @Test
    void theGaugesCountDeadlinesNotYetDueAndDueButNotFired() {
        deadlines.schedule(UUID.randomUUID(), DISTRICT, DUE_AT);
        deadlines.schedule(UUID.randomUUID(), DISTRICT, DUE_AT.plusSeconds(3_600));

        deadlines.measure(DUE_AT.minusSeconds(1));
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING)).isEqualTo(2);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE)).isZero();

        deadlines.measure(DUE_AT.plusSeconds(1));
        assertThat(gauge(PlatformMetrics.DEADLINES_PENDING)).isEqualTo(1);
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE)).isEqualTo(1);

        poller(DUE_AT.plusSeconds(1)).fireDue();
        assertThat(gauge(PlatformMetrics.DEADLINES_OVERDUE)).as("the poll fired it and recounted").isZero();
    }

    private double gauge(String name) {
        return registry.get(name).tag("kind", "assessment").tag("district", DISTRICT).gauge().value();
    }

    @Test
    void theDeadlineNamesDueAtExactlyAsRecorded() {
        Instant precise = DUE_AT.plusNanos(123_456_789);
        deadlines.schedule(UUID.randomUUID(), DISTRICT, precise);

        assertThat(deadlines.due(precise, ALL, 10)).extracting(AssessmentDeadlines.Deadline::dueAt)
                .containsExactly(precise);
    }

    @Test
    void nothingIsSentBeforeDueAt() {
        deadlines.schedule(UUID.randomUUID(), DISTRICT, DUE_AT);

        assertThat(poller(DUE_AT.minusSeconds(60)).fireDue()).isZero();

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aDeadlineOfAnUnknownCaseIsDropped() {
        UUID caseId = UUID.randomUUID();
        deadlines.schedule(caseId, DISTRICT, DUE_AT);
        doThrow(new AggregateNotFoundException(caseId.toString(), "no assessment")).when(commands)
                .sendAndWait(any());

        assertThat(poller(DUE_AT.plusSeconds(60)).fireDue()).isZero();
        assertThat(stored(caseId)).as("one miss may be a poll racing the command that opens the case").isNotNull();
        assertThat(poller(DUE_AT.plusSeconds(90)).fireDue()).isZero();

        assertThat(stored(caseId)).isNull();
    }

    @Test
    void aDeadlinePolledBeforeItsAssessmentCommittedFiresAtTheNextPoll() {
        UUID caseId = UUID.randomUUID();
        deadlines.schedule(caseId, DISTRICT, DUE_AT);
        doThrow(new AggregateNotFoundException(caseId.toString(), "not committed yet")).doReturn(null)
                .when(commands).sendAndWait(any());

        assertThat(poller(DUE_AT.plusSeconds(60)).fireDue()).isZero();
        assertThat(poller(DUE_AT.plusSeconds(90)).fireDue()).isOne();

        assertThat(stored(caseId).getBoolean("fired")).isTrue();
    }

    @Test
    void aDeadlineWhoseCommandFailedStaysDueForTheNextPoll() {
        UUID caseId = UUID.randomUUID();
        deadlines.schedule(caseId, DISTRICT, DUE_AT);
        doThrow(new IllegalStateException("event store unavailable")).when(commands).sendAndWait(any());

        assertThat(poller(DUE_AT.plusSeconds(60)).fireDue()).isZero();

        assertThat(stored(caseId).getBoolean("fired")).isFalse();
    }

    private AssessmentDeadlinePoller poller(Instant now) {
        return new AssessmentDeadlinePoller(deadlines, commands, Clock.fixed(now, ZoneOffset.UTC), ALL);
    }

    private Document stored(UUID caseId) {
        return database.database().getCollection(AssessmentDeadlines.COLLECTION)
                .find(Filters.eq("caseId", caseId.toString())).first();
    }
}
