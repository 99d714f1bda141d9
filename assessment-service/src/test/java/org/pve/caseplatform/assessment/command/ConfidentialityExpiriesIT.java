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
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The expiry store and its poller on the MongoDB-wire server, with the command side stood in for. */
class ConfidentialityExpiriesIT {

    /** The general shard of an instance with no named shards: every district. */
    private static final DistrictShard ALL = DistrictShard.everything();
    private static final Instant VALID_UNTIL = Instant.parse("2032-03-01T10:00:00Z");
    private static final String MEMBER = "panel-member-prefecture";

    private MongoClient client;
    private ServiceDatabase database;
    private ConfidentialityExpiries expiries;
    private final CommandGateway commands = mock(CommandGateway.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = new ServiceDatabase(client.getDatabase("expiries-" + UUID.randomUUID().toString().substring(0, 8)));
        expiries = new ConfidentialityExpiries(database, registry, caseId -> Optional.of("fr-75"));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void onlyExpiriesThatArePastAndUnfiredAreDue() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        expiries.schedule(early, MEMBER, VALID_UNTIL);
        expiries.schedule(late, MEMBER, VALID_UNTIL.plus(Duration.ofDays(4)));

        assertThat(expiries.due(VALID_UNTIL.minusMillis(1), ALL, 10)).isEmpty();
        assertThat(expiries.due(VALID_UNTIL, ALL, 10)).extracting(ConfidentialityExpiries.Expiry::caseId)
                .containsExactly(early);
        expiries.markFired(expiries.due(VALID_UNTIL, ALL, 10).get(0), VALID_UNTIL);
        assertThat(expiries.due(VALID_UNTIL.plus(Duration.ofDays(30)), ALL, 10))
                .extracting(ConfidentialityExpiries.Expiry::caseId).containsExactly(late);
    }

    @Test
    void anExtendedAgreementKeepsBothExpiriesForTheAggregateToSortOut() {
        UUID caseId = UUID.randomUUID();
        expiries.schedule(caseId, MEMBER, VALID_UNTIL);
        expiries.schedule(caseId, MEMBER, VALID_UNTIL.plus(Duration.ofDays(365)));

        assertThat(expiries.due(VALID_UNTIL.plus(Duration.ofDays(400)), ALL, 10))
                .extracting(ConfidentialityExpiries.Expiry::validUntil)
                .containsExactly(VALID_UNTIL, VALID_UNTIL.plus(Duration.ofDays(365)));
    }

    @Test
    void theDueExpiryIsSentOnceAsTheScheduleAndThenMarkedFired() {
        UUID caseId = UUID.randomUUID();
        expiries.schedule(caseId, MEMBER, VALID_UNTIL);
        ConfidentialityExpiryPoller poller = poller(VALID_UNTIL.plusSeconds(60));

        assertThat(poller.fireDue()).isEqualTo(1);
        assertThat(poller.fireDue()).isZero();

        verify(commands, times(1)).sendAndWait(ExpireConfidentialityAgreement.bySchedule(caseId, MEMBER,
                VALID_UNTIL));
        assertThat(stored(caseId).getBoolean("fired")).isTrue();
        assertThat(registry.get(PlatformMetrics.DEADLINES_FIRED).tag("kind", "confidentiality")
                .tag("district", "fr-75").counter().count()).isEqualTo(1);
    }

    @Test
    void theExpiryNamesValidUntilExactlyAsRecorded() {
        Instant precise = VALID_UNTIL.plusNanos(123_456_789);
        expiries.schedule(UUID.randomUUID(), MEMBER, precise);

        assertThat(expiries.due(precise, ALL, 10)).extracting(ConfidentialityExpiries.Expiry::validUntil)
                .containsExactly(precise);
    }

    @Test
    void nothingIsSentBeforeValidUntil() {
        expiries.schedule(UUID.randomUUID(), MEMBER, VALID_UNTIL);

        assertThat(poller(VALID_UNTIL.minusSeconds(60)).fireDue()).isZero();

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void anExpiryWhoseAssessmentDoesNotExistIsDropped() {
        UUID caseId = UUID.randomUUID();
        expiries.schedule(caseId, MEMBER, VALID_UNTIL);
        doThrow(new AggregateNotFoundException(caseId.toString(), "no assessment")).when(commands)
                .sendAndWait(any());

        poller(VALID_UNTIL.plusSeconds(60)).fireDue();
        assertThat(stored(caseId)).as("kept for one more poll").isNotNull();
        poller(VALID_UNTIL.plusSeconds(90)).fireDue();

        assertThat(stored(caseId)).isNull();
    }

    @Test
    void anExpiryWhoseCommandFailedStaysDueForTheNextPoll() {
        UUID caseId = UUID.randomUUID();
        expiries.schedule(caseId, MEMBER, VALID_UNTIL);
        doThrow(new IllegalStateException("event store unavailable")).when(commands).sendAndWait(any());

        assertThat(poller(VALID_UNTIL.plusSeconds(60)).fireDue()).isZero();

        assertThat(stored(caseId).getBoolean("fired")).isFalse();
    }

    private ConfidentialityExpiryPoller poller(Instant now) {
        return new ConfidentialityExpiryPoller(expiries, commands, Clock.fixed(now, ZoneOffset.UTC), ALL);
    }

    private Document stored(UUID caseId) {
        return database.database().getCollection(ConfidentialityExpiries.COLLECTION)
                .find(Filters.eq("caseId", caseId.toString())).first();
    }
}
