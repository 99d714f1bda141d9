package org.pve.caseplatform.support.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.embedded.EmbeddedKafkaBroker;
import org.pve.caseplatform.embedded.FreePorts;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.kafka.TopicProvisioner;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;

/**
 * The publishing guarantee of ADR 0002, shown against a real broker: every stored event reaches its topic, in its
 * case's order, whether Kafka was down when it was stored, whether its insert landed long after its timestamp, and
 * whether two instances wrote at the same time.
 */
class OutboxRelayIT {

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.newMapper()).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = client.getDatabase("outbox-" + UUID.randomUUID().toString().substring(0, 8));
        new TopicProvisioner(settings(TestInfrastructure.kafka().bootstrapServers()))
                .ensureDomainTopics(Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        client.close();
    }

    @Test
    void everyStoredEventReachesItsTopicInItsCasesOrderWithTheCatalogueHeaders() throws InterruptedException {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        MongoEventStorageEngine engine = engine();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        engine.appendEvents(List.of(event(first, 0, Instant.now()), event(first, 1, Instant.now())));
        engine.appendEvents(List.of(event(second, 0, Instant.now())));
        engine.appendEvents(List.of(event(first, 2, Instant.now())));
        relay(bootstrap).start();

        List<ConsumerRecord<String, String>> records = readCases(bootstrap, Set.of(first, second), 4);

        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(record -> {
            assertThat(TopicReader.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("CaseOwnerAssigned");
            assertThat(TopicReader.header(record, EventHeaders.CASE_ID)).isEqualTo(record.key());
            assertThat(TopicReader.header(record, EventHeaders.DISTRICT_ID)).isEqualTo("dk-fyn");
            assertThat(TopicReader.header(record, EventHeaders.EVENT_REVISION)).isEqualTo("1");
            assertThat(TopicReader.header(record, EventHeaders.CORRELATION_ID)).isEqualTo("corr-" + record.key());
        });
        assertThat(ownersInOrder(records, first)).containsExactly("owner-0", "owner-1", "owner-2");
        awaitNoPending();
        assertThat(published("CaseOwnerAssigned", "dk-fyn")).isEqualTo(4);
    }

    @Test
    void eventsStoredWhileKafkaIsDownArePublishedWhenItComesBack() throws Exception {
        Path dir = Files.createTempDirectory("outbox-broker");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, FreePorts.pick(), FreePorts.pick());
        toClose.add(broker);
        broker.start();
        new TopicProvisioner(settings(broker.bootstrapServers())).ensureDomainTopics(Duration.ofSeconds(30));
        broker.stop();

        MongoEventStorageEngine engine = engine();
        UUID caseId = UUID.randomUUID();
        relay(broker.bootstrapServers()).start();
        engine.appendEvents(List.of(event(caseId, 0, Instant.now()), event(caseId, 1, Instant.now())));
        Thread.sleep(3_000);
        assertThat(pending()).as("nothing can be marked published while the broker is down").isEqualTo(2);

        broker.start();
        List<ConsumerRecord<String, String>> records = readCases(broker.bootstrapServers(), Set.of(caseId), 2);

        assertThat(ownersInOrder(records, caseId)).containsExactly("owner-0", "owner-1");
        awaitNoPending();
    }

    @Test
    void anEventInsertedLongAfterItsTimestampIsStillPublished() throws Exception {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        MongoEventStorageEngine engine = engine();
        relay(bootstrap).start();
        UUID early = UUID.randomUUID();
        engine.appendEvents(List.of(event(early, 0, Instant.now())));
        readCases(bootstrap, Set.of(early), 1);

        UUID late = UUID.randomUUID();
        engine.appendEvents(List.of(event(late, 0, Instant.now().minus(Duration.ofHours(1)))));
        List<ConsumerRecord<String, String>> records = readCases(bootstrap, Set.of(late), 1);

        assertThat(ownersInOrder(records, late)).containsExactly("owner-0");
    }

    @Test
    void eventsThisInstanceStoredAreReadByIdWhileOthersWaitForTheScan() {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        MongoEventStorageEngine engine = engine();
        OutboxRelay relay = relay(bootstrap, Duration.ofHours(1)); // its scan beat: every 25 hours
        assertThat(relay.publishPending()).as("the first pass scans, and finds nothing yet").isZero();
        UUID stored = UUID.randomUUID();
        engine.appendEvents(List.of(event(stored, 0, Instant.now())));
        var events = database.getCollection(OutboxStorageStrategy.EVENTS_COLLECTION);
        org.bson.Document foreign = new org.bson.Document(events.find().first());
        foreign.remove("_id");
        foreign.append("aggregateIdentifier", UUID.randomUUID().toString())
                .append("eventIdentifier", UUID.randomUUID().toString());
        events.insertOne(foreign); // as another instance would write it: no hint in this JVM

        relay.publishPending();

        assertThat(ownersInOrder(readCases(bootstrap, Set.of(stored), 1), stored)).containsExactly("owner-0");
        assertThat(pending()).as("an event no hint names waits for the next scan").isEqualTo(1);
    }

    @Test
    void twoInstancesWritingAtOnceLoseNothingAndKeepEachCasesOrder() throws Exception {
        String bootstrap = TestInfrastructure.kafka().bootstrapServers();
        List<MongoEventStorageEngine> instances = List.of(engine(), engine());
        instances.forEach(instance -> relay(bootstrap).start());
        relay(bootstrap).start();
        Map<UUID, Integer> written = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        for (MongoEventStorageEngine instance : instances) {
            writers.submit(() -> {
                go.await();
                for (int c = 0; c < 20; c++) {
                    UUID caseId = UUID.randomUUID();
                    for (int seq = 0; seq < 5; seq++) {
                        instance.appendEvents(List.of(event(caseId, seq, Instant.now().minusMillis(seq % 2 * 5_000))));
                    }
                    written.put(caseId, 5);
                }
                return null;
            });
        }
        go.countDown();
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<ConsumerRecord<String, String>> records = readCases(bootstrap, written.keySet(), 200);

        assertThat(records.stream().map(ConsumerRecord::key).distinct()).hasSize(40);
        written.keySet().forEach(caseId -> assertThat(ownersInOrder(records, caseId))
                .containsExactly("owner-0", "owner-1", "owner-2", "owner-3", "owner-4"));
        awaitNoPending();
    }

    private MongoEventStorageEngine engine() {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .storageStrategy(new OutboxStorageStrategy())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    private OutboxRelay relay(String bootstrap) {
        return relay(bootstrap, Duration.ofMillis(100));
    }

    private OutboxRelay relay(String bootstrap, Duration pollInterval) {
        KafkaSettings settings = settings(bootstrap);
        KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producerProperties());
        OutboxRelay relay = new OutboxRelay(database.getCollection(OutboxStorageStrategy.EVENTS_COLLECTION),
                new PublicationLease(database.getCollection("outbox_lease"), Duration.ofSeconds(10),
                        Clock.systemUTC()),
                producer, new StoredEventConverter(serializer), pollInterval, 100, Clock.systemUTC(),
                registry);
        toClose.add(producer);
        toClose.add(0, relay);
        return relay;
    }

    private static KafkaSettings settings(String bootstrap) {
        return new KafkaSettings(bootstrap, 3, (short) 1, "outbox-test");
    }

    private static GenericDomainEventMessage<CaseOwnerAssigned> event(UUID caseId, long sequence, Instant at) {
        CaseOwnerAssigned payload = new CaseOwnerAssigned(caseId, "dk-fyn", at, "owner-" + sequence,
                Agency.SOCIAL_SERVICES);
        return new GenericDomainEventMessage<>("ManagementPlan", caseId.toString(), sequence, payload,
                MetaData.with(StoredEventConverter.CORRELATION_ID, "corr-" + caseId), UUID.randomUUID().toString(), at);
    }

    private static List<ConsumerRecord<String, String>> readCases(String bootstrap, Collection<UUID> cases,
                                                                  int expected) {
        Set<String> keys = cases.stream().map(UUID::toString).collect(Collectors.toSet());
        return TopicReader.read(bootstrap, Topics.PLAN_EVENTS, record -> keys.contains(record.key()),
                found -> found.stream().map(r -> TopicReader.header(r, EventHeaders.MESSAGE_ID)).distinct().count()
                        >= expected, Duration.ofSeconds(60));
    }

    /** The case's events in order of first appearance: a resend after a lost acknowledgement is a duplicate. */
    private static List<String> ownersInOrder(List<ConsumerRecord<String, String>> records, UUID caseId) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> r.key().equals(caseId.toString()))
                .filter(r -> seen.add(TopicReader.header(r, EventHeaders.MESSAGE_ID)))
                .map(OutboxRelayIT::owner).toList();
    }

    private static String owner(ConsumerRecord<String, String> record) {
        return org.bson.Document.parse(record.value()).getString("ownerRef");
    }

    private double published(String event, String district) {
        var counter = registry.find(PlatformMetrics.EVENTS_PUBLISHED).tag("event", event).tag("district", district)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long pending() {
        return database.getCollection(OutboxStorageStrategy.EVENTS_COLLECTION)
                .countDocuments(new org.bson.Document(OutboxStorageStrategy.PUBLISHED, false));
    }

    private void awaitNoPending() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(pending()).isZero();
    }
}
