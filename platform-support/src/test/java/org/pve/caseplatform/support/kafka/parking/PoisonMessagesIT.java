package org.pve.caseplatform.support.kafka.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.kafka.KafkaRecordLoop;
import org.pve.caseplatform.support.kafka.KafkaRecordLoop.RecordHandler;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Poison messages on a real broker and a MongoDB-wire server, all cases on one partition: a record that keeps
 * failing for a reason of its own parks its case, with the later records of the case queued behind it, while the
 * other cases are handled; the parked state outlives a restart; a retry after a partial fix handles what it can and
 * keeps the rest parked, and after the full fix drains the case in order, which then flows again. A transient
 * failure (MongoDB unreachable) is retried while the partition waits and parks nothing; an unknown event revision
 * still stops the consumer.
 */
class PoisonMessagesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ParkingSettings QUICK = new ParkingSettings(3, Duration.ofMillis(50));
    private static final MongoClient MONGO = MongoClients.create(TestInfrastructure.mongo().connectionString());

    private final String bootstrap = TestInfrastructure.kafka().bootstrapServers();
    private final String topic = "poison-" + UUID.randomUUID();
    private final String group = "poison-" + UUID.randomUUID();
    private final ParkedSequences store = new ParkedSequences(MONGO.getDatabase("poison-" + UUID.randomUUID()
            .toString().substring(0, 8)).getCollection(ParkedSequences.COLLECTION), Clock.systemUTC());
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final List<KafkaRecordLoop<String>> loops = new ArrayList<>();

    @AfterEach
    void stopLoops() {
        loops.forEach(KafkaRecordLoop::close);
    }

    @AfterAll
    static void closeMongo() {
        MONGO.close();
    }

    @Test
    void aPoisonEventParksOnlyItsCaseAndAfterTheFixTheRetryDrainsItInOrder() throws Exception {
        createTopic();
        broken.addAll(Set.of("P1", "P2"));
        publish("A", "A1", "P", "P1", "A", "A2", "P", "P2", "B", "B1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaRecordLoop<String> loop = start(registry, record -> handle(record, broken));

        Await.until(() -> handled.containsAll(List.of("A1", "A2", "B1")) && parkedMessages().size() == 2, PATIENCE);
        assertThat(handled).containsExactly("A1", "A2", "B1");
        ParkedSequence parked = store.find("poison", "P").orElseThrow();
        assertThat(parkedMessages()).as("the poison first, the case's later record queued behind it")
                .containsExactly("P1", "P2");
        assertThat(parked.districtId()).isEqualTo("dk-fyn");
        assertThat(parked.reason()).contains("TestEvent (revision 1) failed 3 times")
                .contains(IllegalArgumentException.class.getName()).doesNotContain("invented content");
        assertThat(parked.positions()).extracting(ParkedPosition::offset).containsExactly(1L, 3L);
        Await.until(() -> committed() == 5L, PATIENCE);
        assertThat(registry.get(PlatformMetrics.PARKED_SEQUENCES).tag("consumer", "poison").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get(PlatformMetrics.DEAD_LETTERS).tag("topic", topic).tag("reason", "parked")
                .counter().count()).isEqualTo(1.0);

        loop.close();
        KafkaRecordLoop<String> restarted = start(new SimpleMeterRegistry(), record -> handle(record, broken));
        publish("P", "P3", "C", "C1");
        Await.until(() -> handled.contains("C1") && parkedMessages().size() == 3, PATIENCE);
        assertThat(parkedMessages()).as("still parked after the restart").containsExactly("P1", "P2", "P3");

        broken.remove("P1"); // a partial fix
        RetryOutcome partly = restarted.retryParked("P").get(30, TimeUnit.SECONDS);
        assertThat(partly.outcome()).isEqualTo(RetryOutcome.Result.STILL_PARKED);
        assertThat(partly.recordsHandled()).isEqualTo(1);
        assertThat(partly.recordsParked()).isEqualTo(2);
        assertThat(partly.reason()).contains("failed 1 time").contains("(on retry)");
        assertThat(parkedMessages()).as("parked from the record that failed again on").containsExactly("P2", "P3");
        assertThat(store.find("poison", "P").orElseThrow().reason()).isEqualTo(partly.reason());

        broken.clear(); // the fix
        RetryOutcome drained = restarted.retryParked("P").get(30, TimeUnit.SECONDS);
        assertThat(drained.outcome()).isEqualTo(RetryOutcome.Result.DRAINED);
        assertThat(drained.recordsHandled()).isEqualTo(2);
        assertThat(store.find("poison", "P")).isEmpty();
        publish("P", "P4");
        Await.until(() -> handled.contains("P4"), PATIENCE);
        assertThat(handled).containsExactly("A1", "A2", "B1", "C1", "P1", "P2", "P3", "P4");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedWhileThePartitionWaitsAndParksNothing() throws Exception {
        createTopic();
        publish("T", "T1", "U", "U1");
        AtomicInteger outage = new AtomicInteger(3); // as many failures as the attempts before parking
        start(new SimpleMeterRegistry(), record -> {
            if ("T".equals(record.key()) && outage.getAndDecrement() > 0) {
                throw new IllegalStateException("could not store",
                        new MongoSocketException("unreachable", new ServerAddress("mongo.invalid")));
            }
            handle(record, Set.of());
        });

        Await.until(() -> handled.size() == 2, PATIENCE);
        assertThat(handled).as("the partition waited for the case until MongoDB was back").containsExactly("T1", "U1");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void anUnknownEventRevisionStillStopsTheConsumerAndParksNothing() throws Exception {
        createTopic();
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> newer = record("N", "N1", "{}");
            newer.headers().remove(EventHeaders.EVENT_TYPE).remove(EventHeaders.EVENT_REVISION);
            header(newer, EventHeaders.EVENT_TYPE, "AssessmentOpened");
            header(newer, EventHeaders.EVENT_REVISION, "99");
            producer.send(newer).get();
        }
        KafkaRecordLoop<String> loop = start(new SimpleMeterRegistry(),
                record -> DeliveredEvent.from(record).event());

        Await.until(() -> !loop.isRunning(), PATIENCE);
        assertThat(loop.stoppedBy()).isPresent();
        assertThat(store.all()).isEmpty();
        assertThat(committed()).as("not committed past it").isEqualTo(-1L);
    }

    private void handle(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, Set<String> failing) {
        String messageId = new String(record.headers().lastHeader(EventHeaders.MESSAGE_ID).value(),
                StandardCharsets.UTF_8);
        if (failing.contains(messageId)) {
            throw new IllegalArgumentException("cannot handle the invented content of " + messageId);
        }
        handled.add(messageId);
    }

    private List<String> parkedMessages() {
        return store.find("poison", "P").map(sequence -> sequence.positions().stream()
                .map(ParkedPosition::messageId).toList()).orElse(List.of());
    }

    private KafkaRecordLoop<String> start(SimpleMeterRegistry registry, RecordHandler<String> handler) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties inGroup = new Properties();
        inGroup.putAll(properties);
        inGroup.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        KafkaRecordLoop<String> loop = new KafkaRecordLoop<>("poison", List.of(topic),
                () -> new KafkaConsumer<>(inGroup), handler, registry);
        loop.parkIn(store, QUICK, () -> new KafkaConsumer<>(properties));
        loop.start();
        loops.add(loop);
        return loop;
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    /** Pairs of case and message id, in order, each a TestEvent of district dk-fyn. */
    private void publish(String... caseAndMessage) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < caseAndMessage.length; i += 2) {
                producer.send(record(caseAndMessage[i], caseAndMessage[i + 1],
                        "{\"note\":\"invented content\"}")).get();
            }
        }
    }

    private ProducerRecord<String, String> record(String caseId, String messageId, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, caseId, json);
        header(record, EventHeaders.EVENT_TYPE, "TestEvent");
        header(record, EventHeaders.EVENT_REVISION, "1");
        header(record, EventHeaders.MESSAGE_ID, messageId);
        header(record, EventHeaders.CASE_ID, caseId);
        header(record, EventHeaders.DISTRICT_ID, "dk-fyn");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private long committed() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
