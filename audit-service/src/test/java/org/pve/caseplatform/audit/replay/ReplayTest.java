package org.pve.caseplatform.audit.replay;

import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.audit.ledger.AnchorSigner;
import java.util.Base64;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.CohortScope;
import org.pve.caseplatform.audit.cohort.Cases;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * The acceptance of issue 7: a full replay, a one-district replay and a replay from an instant of real Kafka topics
 * each rebuild read models equal, by content, to the live ones the same records built as they arrived.
 */
class ReplayTest {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final AnchorSigner SIGNER =
            new AnchorSigner(Base64.getDecoder().decode(TestInfrastructure.randomKey()));
    private static final Instant MARCH = Instant.parse("2031-03-04T09:00:00Z");
    private static final Instant APRIL = Instant.parse("2031-04-02T09:00:00Z");
    private static final Instant MID_MARCH = Instant.parse("2031-03-20T00:00:00Z");

    private static Producer<String, String> producer;
    private static KafkaSettings kafka;
    private static MongoClient client;

    private final List<String> topics = new ArrayList<>();
    private MongoDatabase live;
    private LedgerProjection liveLedger;
    private CohortProjection liveCohorts;
    private Replays replays;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private int published;

    @BeforeAll
    static void connect() {
        kafka = new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null, "audit-replay-test");
        producer = new KafkaProducer<>(kafka.producerProperties());
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        client.close();
    }

    @BeforeEach
    void freshTopicsAndLiveModels() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topics.add("replay-" + run + ".referral");
        topics.add("replay-" + run + ".plan");
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 2, (short) 1)).toList()).all().get();
        }
        live = client.getDatabase("audit-live-" + run);
        Clock clock = Clock.fixed(APRIL, ZoneOffset.UTC);
        liveLedger = new LedgerProjection(new Ledger(live), chains(live, clock), clock);
        liveCohorts = new CohortProjection(new CohortCases(live));
        replays = new Replays(id -> kafka.consumerProperties("audit-replay-test." + id), topics, live,
                id -> client.getDatabase("audit-replay-" + id), clock, Runnable::run, target -> chains(target, clock),
                keyRef -> true, registry);
        witnessInventedCases();
    }

    @Test
    void aFullReplayRebuildsModelsEqualToTheLiveOnes() {
        ReplayProgress result = replays.run(new ReplayRequest(null, null));

        assertThat(result.status()).isEqualTo(ReplayProgress.FINISHED);
        assertThat(result.comparison().differences()).isEmpty();
        assertThat(result.eventsDone()).isEqualTo(published).isEqualTo(result.eventsTotal());
        assertThat(result.comparison().ledgerEntriesCompared()).isEqualTo(published - 1);
        assertThat(result.comparison().cohortCasesCompared()).isEqualTo(12);
        assertThat(result.ratePerSecond()).isPositive();
        assertThat(registry.get(PlatformMetrics.REPLAY_EVENTS).tag("replay", result.replayId()).tag("district", "all")
                .counter().count()).isEqualTo(published);
        assertThat(registry.get(PlatformMetrics.REPLAY_PROGRESS).tag("replay", result.replayId()).gauge().value())
                .isEqualTo(1.0);
        MongoDatabase rebuilt = replays.database(result.replayId());
        assertThat(cohorts(rebuilt).stages(CohortScope.district(null), null, false)).isEqualTo(cohorts(live).stages(CohortScope.district(null), null, false));
        assertThat(cohorts(rebuilt).timeInStage(CohortScope.district(null), false)).isEqualTo(cohorts(live).timeInStage(CohortScope.district(null), false));
        assertThat(cohorts(rebuilt).outcomes(CohortScope.district(null), true)).isEqualTo(cohorts(live).outcomes(CohortScope.district(null), true));
    }

    @Test
    void aFullReplayRebuildsTheHashChainsLinkForLink() {
        ReplayProgress result = replays.run(new ReplayRequest(null, null));

        assertThat(result.comparison().differences()).isEmpty();
        assertThat(heads(replays.database(result.replayId()))).isNotEmpty().isEqualTo(heads(live));
    }

    @Test
    void aLiveChainLinkThatDiffersFromTheTopicsIsReported() {
        Document altered = live.getCollection(HashChains.ENTRIES).find().first();
        live.getCollection(HashChains.ENTRIES).updateOne(Filters.eq("_id", altered.get("_id")),
                new Document("$set", new Document("hash", "0".repeat(64))));

        ReplayProgress result = replays.run(new ReplayRequest(null, null));

        assertThat(result.comparison().differences()).contains("chain link " + altered.getString("chain") + "@"
                + altered.get("position") + ": hash differs");
    }

    @Test
    void aOneDistrictReplayRebuildsThatDistrictEqualToTheLiveOne() {
        ReplayProgress result = replays.run(new ReplayRequest("dk-east", null));

        assertThat(result.comparison().differences()).isEmpty();
        assertThat(result.comparison().cohortCasesCompared()).isEqualTo(5);
        MongoDatabase rebuilt = replays.database(result.replayId());
        assertThat(rebuilt.getCollection("ledger").countDocuments(Filters.ne("districtId", "dk-east"))).isZero();
        assertThat(rebuilt.getCollection("ledger").countDocuments())
                .isEqualTo(live.getCollection("ledger").countDocuments(Filters.eq("districtId", "dk-east")));
        long[] eastEvents = {0};
        new TopicReplay(kafka.consumerProperties("audit-replay-test.count"), topics).replay(null,
                event -> eastEvents[0] += "dk-east".equals(Replays.districtOf(event)) ? 1 : 0, (done, total) -> { });
        assertThat(registry.get(PlatformMetrics.REPLAY_EVENTS).tag("replay", result.replayId())
                .tag("district", "dk-east").counter().count())
                .as("only the district's events are applied, though all were read")
                .isEqualTo((double) eastEvents[0])
                .isLessThan(result.eventsDone());
        assertThat(cohorts(rebuilt).stages(CohortScope.district(null), null, false)).isEqualTo(cohorts(live).stages(CohortScope.district("dk-east"), null, false));
    }

    @Test
    void aReplayFromAnInstantRebuildsTheRecordsFromThenEqualToTheLiveOnes() {
        ReplayProgress result = replays.run(new ReplayRequest(null, MID_MARCH));

        assertThat(result.comparison().differences()).isEmpty();
        MongoDatabase rebuilt = replays.database(result.replayId());
        assertThat(result.eventsDone()).isEqualTo(result.eventsTotal()).isPositive().isLessThan(published);
        assertThat(rebuilt.getCollection("ledger").countDocuments()).isPositive()
                .isEqualTo(result.comparison().ledgerEntriesCompared())
                .isLessThan(live.getCollection("ledger").countDocuments());
        // offsetsForTimes starts each partition at its first record stamped at or after the instant
        Map<String, Long> firstStamp = new HashMap<>();
        new TopicReplay(kafka.consumerProperties("audit-replay-test.from"), topics).replay(MID_MARCH,
                event -> firstStamp.putIfAbsent(event.topic() + "/" + event.partition(), event.timestamp()),
                (done, total) -> { });
        assertThat(firstStamp).isNotEmpty().allSatisfy((partition, stamp) ->
                assertThat(Instant.ofEpochMilli(stamp)).isAfterOrEqualTo(MID_MARCH));
    }

    @Test
    void aHistoryReadFromTheReplayIsTheLiveHistory() {
        UUID caseId = UUID.randomUUID();
        witness(Cases.whole(caseId, "dk-east", MARCH, ClosureOutcome.DISENGAGED));

        ReplayProgress result = replays.run(new ReplayRequest("dk-east", null));

        assertThat(new CaseHistoryReader(new Ledger(replays.database(result.replayId())), keyRef -> true).find(caseId, null))
                .isEqualTo(new CaseHistoryReader(new Ledger(live), keyRef -> true).find(caseId, null));
    }

    @Test
    void aLiveModelThatLostAnEventIsReportedAsDifferent() {
        Document entry = live.getCollection("ledger").find().first();
        live.getCollection("ledger").deleteOne(Filters.eq("_id", entry.get("_id")));
        live.getCollection(CohortCases.COLLECTION).updateOne(new Document(), Updates.set("summary.stage", "PLANNED"));

        ReplayComparison comparison = replays.run(new ReplayRequest(null, null)).comparison();

        assertThat(comparison.equal()).isFalse();
        assertThat(comparison.differences()).anySatisfy(difference -> assertThat(difference)
                .startsWith("ledger entry " + entry.get("_id") + " is in the replay but not live"));
        assertThat(comparison.differences()).anySatisfy(difference -> assertThat(difference)
                .startsWith("cohort case").contains("differs"));
    }

    @Test
    void theProgressIsReportedWhileItRunsAndAtTheEnd() {
        List<Long> seen = new ArrayList<>();
        new TopicReplay(kafka.consumerProperties("audit-replay-test.progress"), topics)
                .replay(null, event -> { }, (done, total) -> seen.add(done));

        assertThat(seen).first().isEqualTo(0L);
        assertThat(seen).last().isEqualTo((long) published);
        assertThat(seen).isSorted();
    }

    /** Twelve cases in two districts, March and April, with a record published twice. */
    private static HashChains chains(MongoDatabase database, Clock clock) {
        return new HashChains(database, SIGNER, 100, Duration.ofSeconds(60), clock);
    }

    private static List<Document> heads(MongoDatabase database) {
        return database.getCollection(HashChains.HEADS).find().sort(new Document("_id", 1))
                .map(head -> new Document("_id", head.get("_id")).append("position", head.get("position"))
                        .append("hash", head.get("hash")))
                .into(new ArrayList<>());
    }

    private void witnessInventedCases() {
        for (int i = 0; i < 4; i++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-west", MARCH.plusSeconds(i * 3600L), i + 1));
        }
        witness(Cases.whole(UUID.randomUUID(), "dk-west", MARCH, ClosureOutcome.GOALS_MET));
        witness(Cases.escalated(UUID.randomUUID(), "dk-west", APRIL, SecurityDestination.POLICE_INVESTIGATION));
        witness(Cases.closedNoFurtherAction(UUID.randomUUID(), "dk-west", APRIL));
        for (int i = 0; i < 3; i++) {
            witness(Cases.screened(UUID.randomUUID(), "dk-east", APRIL.plusSeconds(i * 60L), 5));
        }
        witness(Cases.whole(UUID.randomUUID(), "dk-east", MARCH, ClosureOutcome.MOVED_AWAY));
        UUID twice = UUID.randomUUID();
        List<CaseEvent> events = Cases.screened(twice, "dk-east", MARCH, 3);
        String messageId = "msg-twice-" + twice;
        witness(events.get(0), messageId);
        witness(events.get(0), messageId);
        witness(events.get(1), "msg-" + UUID.randomUUID());
    }

    private void witness(List<CaseEvent> events) {
        events.forEach(event -> witness(event, "msg-" + UUID.randomUUID()));
    }

    /** Publishes the event stamped with its occurredAt, and lets the live models see it as their consumers would. */
    private void witness(CaseEvent event, String messageId) {
        EventType type = EventCatalogue.of(event.getClass());
        String topic = topics.get(type.topic().contains("plan") ? 1 : 0);
        try {
            String json = JSON.writeValueAsString(event);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null,
                    event.occurredAt().toEpochMilli(), event.caseId().toString(), json);
            Map.of(EventHeaders.EVENT_TYPE, type.name(), EventHeaders.EVENT_REVISION, "" + type.revision(),
                    EventHeaders.MESSAGE_ID, messageId, EventHeaders.CASE_ID, event.caseId().toString(),
                    EventHeaders.DISTRICT_ID, event.districtId(), EventHeaders.CORRELATION_ID, "corr-" + messageId)
                    .forEach((name, value) -> record.headers()
                            .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            RecordMetadata sent = producer.send(record).get();
            DeliveredEvent delivered = new DeliveredEvent(topic, sent.partition(), sent.offset(), sent.timestamp(),
                    event.caseId().toString(), type.name(), type.revision(), messageId, event.caseId().toString(),
                    event.districtId(), "corr-" + messageId, json);
            liveLedger.on(delivered);
            liveCohorts.on(delivered);
            published++;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CohortReader cohorts(MongoDatabase database) {
        return new CohortReader(new CohortCases(database));
    }
}
