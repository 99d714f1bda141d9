package org.pve.caseplatform.support.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.kafka.DeliveredEventHandler;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Instances of one service sharing a topic on a real broker (ADR 0010): a pinned instance handles exactly its
 * shard's districts and an unpinned one exactly the rest; two unpinned instances split the partitions so that each
 * case goes to one of them; when one dies without a word, the other takes its partitions over within the claim
 * timeout and handles what the dead one had not committed.
 */
class ShardedProcessorsIT {

    private static final int PARTITIONS = 4;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(6);
    private static final DistrictDirectory DIRECTORY = DistrictDirectory.load();
    private static final Map<String, List<String>> SHARDS = Map.of("dk", List.of("dk-fyn", "dk-koebenhavn"));

    private final String bootstrap = TestInfrastructure.kafka().bootstrapServers();
    private final KafkaSettings settings = new KafkaSettings(bootstrap, PARTITIONS, (short) 1, "shards-test",
            Map.of(), CLAIM_TIMEOUT);
    private final String topic = "shards-" + UUID.randomUUID();
    private final String group = "shards-test." + UUID.randomUUID();
    private final List<KafkaEventProcessor> started = new ArrayList<>();

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = Admin.create(settings.adminProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
    }

    @AfterEach
    void closeProcessors() {
        started.forEach(KafkaEventProcessor::close);
    }

    @Test
    void aPinnedInstanceHandlesExactlyItsDistrictsAndTheGeneralOneExactlyTheRest() throws Exception {
        Handled pinned = new Handled();
        Handled general = new Handled();
        start(processor("pinned", settings.consumerProperties(group), pinned),
                DistrictShard.of(new ShardingSettings(SHARDS, "dk"), DIRECTORY));
        start(processor("general", settings.consumerProperties(group), general),
                DistrictShard.of(new ShardingSettings(SHARDS, null), DIRECTORY));

        Set<String> fyn = publish(10, "dk-fyn");
        Set<String> koebenhavn = publish(10, "dk-koebenhavn");
        Set<String> luton = publish(10, "uk-luton");
        Set<String> noDistrict = publish(2, null);

        Await.until(() -> committedToTheEnd(group) && committedToTheEnd(group + ".dk"), Duration.ofSeconds(60));
        assertThat(pinned.messageIds()).containsExactlyInAnyOrderElementsOf(union(fyn, koebenhavn));
        assertThat(general.messageIds()).containsExactlyInAnyOrderElementsOf(union(luton, noDistrict));
        assertThat(pinned.districts()).containsOnly("dk-fyn", "dk-koebenhavn");
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorTakesOverWithinTheClaimTimeout() throws Exception {
        Handled first = new Handled();
        Handled second = new Handled();
        AtomicBoolean firstDead = new AtomicBoolean();
        AtomicInteger firstFailedAfterDeath = new AtomicInteger();
        // a static member leaves no word when it closes: the broker notices its end only by the session timeout,
        // as it would a killed process
        Properties firstProperties = settings.consumerProperties(group);
        firstProperties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "first-" + UUID.randomUUID());
        KafkaEventProcessor firstInstance = processor("first", firstProperties, event -> {
            if (firstDead.get()) {
                firstFailedAfterDeath.incrementAndGet();
                throw new IllegalStateException("this instance is going down");
            }
            first.handle(event);
        });
        start(firstInstance, DistrictShard.everything());
        start(processor("second", settings.consumerProperties(group), second), DistrictShard.everything());
        Await.until(() -> stableWithTwoMembersHoldingPartitions(group), Duration.ofSeconds(60));

        Set<String> before = union(publish(20, "uk-luton"), publish(20, "fr-75"));
        Await.until(() -> first.count() + second.count() == before.size(), Duration.ofSeconds(60));
        assertThat(first.count()).as("each instance holds partitions with records").isPositive();
        assertThat(second.count()).isPositive();
        assertThat(both(first, second)).as("each record handled once").containsExactlyInAnyOrderElementsOf(before);
        assertThat(first.cases()).as("a case is handled by one instance").doesNotContainAnyElementsOf(second.cases());

        firstDead.set(true);
        Set<String> after = union(publish(20, "uk-luton"), publish(20, "fr-75"));
        Await.until(() -> firstFailedAfterDeath.get() > 0, Duration.ofSeconds(30));
        firstInstance.close();
        long died = System.nanoTime();
        Set<Integer> firstPartitions = first.partitions();

        Await.until(() -> second.messageIds().containsAll(after), CLAIM_TIMEOUT.plusSeconds(30));
        Duration takeover = Duration.ofNanos(second.firstHandledIn(firstPartitions, died) - died);
        assertThat(takeover).as("the dead instance's partitions move within the claim timeout (plus a rebalance)")
                .isLessThan(CLAIM_TIMEOUT.plusSeconds(8)); // Kafka's default session (45 s) would fail this
        assertThat(first.messageIds()).as("nothing of the second load was handled by the dead instance")
                .doesNotContainAnyElementsOf(after);
        assertThat(both(first, second)).as("nothing skipped")
                .containsAll(union(before, after));
    }

    private KafkaEventProcessor processor(String name, Properties properties, DeliveredEventHandler handler) {
        return new KafkaEventProcessor(name, List.of(topic), properties, handler, new SimpleMeterRegistry());
    }

    private void start(KafkaEventProcessor processor, DistrictShard shard) {
        processor.pin(shard);
        processor.start();
        started.add(processor);
    }

    /** Publishes {@code count} records of new cases in the district (none: without the header); their message ids. */
    private Set<String> publish(int count, String districtId) throws Exception {
        Set<String> messageIds = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producerProperties())) {
            for (int i = 0; i < count; i++) {
                String caseId = UUID.randomUUID().toString();
                String messageId = UUID.randomUUID().toString();
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, caseId, "{}");
                header(record, EventHeaders.EVENT_TYPE, "ShardTestEvent");
                header(record, EventHeaders.MESSAGE_ID, messageId);
                header(record, EventHeaders.CASE_ID, caseId);
                if (districtId != null) {
                    header(record, EventHeaders.DISTRICT_ID, districtId);
                }
                producer.send(record).get();
                messageIds.add(messageId);
            }
        }
        return messageIds;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private boolean committedToTheEnd(String groupId) {
        try (Admin admin = Admin.create(settings.adminProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new ConcurrentHashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue()
                    .offset() == 0 || committed.containsKey(end.getKey())
                    && committed.get(end.getKey()).offset() == end.getValue().offset());
        } catch (Exception e) {
            return false;
        }
    }

    private boolean stableWithTwoMembersHoldingPartitions(String groupId) {
        try (Admin admin = Admin.create(settings.adminProperties())) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(groupId)).all().get()
                    .get(groupId);
            return description.state() == ConsumerGroupState.STABLE && description.members().size() == 2
                    && description.members().stream()
                    .allMatch(member -> !member.assignment().topicPartitions().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> both(Handled first, Handled second) {
        List<String> both = new ArrayList<>(first.messageIds());
        both.addAll(second.messageIds());
        return both;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    /** What one instance handled, and when. */
    private static final class Handled implements DeliveredEventHandler {

        private final List<DeliveredEvent> events = new CopyOnWriteArrayList<>();
        private final Map<DeliveredEvent, Long> handledAt = new ConcurrentHashMap<>();

        @Override
        public void handle(DeliveredEvent event) {
            events.add(event);
            handledAt.put(event, System.nanoTime());
        }

        int count() {
            return events.size();
        }

        List<String> messageIds() {
            return events.stream().map(DeliveredEvent::messageId).toList();
        }

        Set<String> cases() {
            return events.stream().map(DeliveredEvent::caseId).collect(Collectors.toSet());
        }

        Set<String> districts() {
            return events.stream().map(DeliveredEvent::districtId).collect(Collectors.toSet());
        }

        Set<Integer> partitions() {
            return events.stream().map(DeliveredEvent::partition).collect(Collectors.toSet());
        }

        /** When the first record of one of {@code partitions} was handled after {@code since}. */
        long firstHandledIn(Set<Integer> partitions, long since) {
            return handledAt.entrySet().stream()
                    .filter(entry -> partitions.contains(entry.getKey().partition()) && entry.getValue() >= since)
                    .mapToLong(Map.Entry::getValue).min().orElseThrow();
        }
    }
}
