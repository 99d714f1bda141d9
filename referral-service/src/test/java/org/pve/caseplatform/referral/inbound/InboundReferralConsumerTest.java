package org.pve.caseplatform.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.pve.caseplatform.referral.inbound.InboundSamples.bytes;
import static org.pve.caseplatform.referral.inbound.InboundSamples.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.referral.api.ReferralAccepted;
import org.pve.caseplatform.referral.command.ReferralIntake;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/** The consumer's loop against Kafka's mock clients: what is retried, what is dead-lettered, what is committed. */
class InboundReferralConsumerTest {

    private static final String TOPIC = "inbound-under-test";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final ReplayingConsumer kafka = new ReplayingConsumer();
    private final FlakyProducer producer = new FlakyProducer();
    private final ReferralIntake intake = mock(ReferralIntake.class);
    private final PersonalDataVault vault = mock(PersonalDataVault.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InboundReferralConsumer consumer = new InboundReferralConsumer(TOPIC, () -> kafka, () -> { },
            new InboundReferralHandler(new InboundReferralReader(
                    Validation.buildDefaultValidatorFactory().getValidator(), DistrictDirectory.load()), intake,
                    new DeadLetters(TOPIC + ".dlt", producer, vault, new Pseudonymiser(new byte[32]),
                            mock(DeadLetterKeys.class), Clock.systemUTC(), registry)), registry);

    @AfterEach
    void stop() {
        consumer.stop();
    }

    @Test
    void aMongoDbOutageIsRetriedAndTheReferralThenTakenWithoutADeadLetter() {
        when(intake.receive(any())).thenThrow(new MongoTimeoutException("no server"))
                .thenReturn(new ReferralAccepted(UUID.randomUUID(), UUID.randomUUID(), true));

        send(InboundSamples.referral());

        awaitCommitted(1);
        verify(intake, times(2)).receive(any(NewReferral.class));
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aDeadLetterKafkaDidNotTakeIsSentAgainAndCommittedOnlyThen() {
        when(vault.encrypt(anyString(), anyString())).thenReturn(EncryptedValue.of("dlt-x", "aXY=", "Y2lwaGVy"));
        producer.failNext.set(1);

        kafka.send(new ConsumerRecord<>(TOPIC, 0, 0, "ext-1", "{not json".getBytes(StandardCharsets.UTF_8)));

        awaitCommitted(1);
        assertThat(producer.attempts.get()).isEqualTo(2);
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.history().get(0).key()).isEqualTo("ext-1");
        assertThat(deadLetters("not-json")).as("counted once, when the broker took it").isEqualTo(1);
    }

    @Test
    void aReferralIntakeRefusesForGoodIsDeadLetteredAndTheNextOneIsTaken() {
        when(vault.encrypt(anyString(), anyString())).thenReturn(EncryptedValue.of("dlt-x", "aXY=", "Y2lwaGVy"));
        when(intake.receive(any())).thenThrow(new LifecycleViolation("subject", "is sealed"))
                .thenReturn(new ReferralAccepted(UUID.randomUUID(), UUID.randomUUID(), true));

        send(InboundSamples.referral());
        send(InboundSamples.referral());

        awaitCommitted(2);
        verify(intake, times(2)).receive(any(NewReferral.class));
        assertThat(producer.history()).singleElement().satisfies(letter ->
                assertThat(letter.value()).contains("\"reason\":\"$.subject: is sealed\""));
        assertThat(deadLetters("invalid")).isEqualTo(1);
        assertThat(registry.find(PlatformMetrics.DEAD_LETTERS).counters()).hasSize(1);
    }

    @Test
    void theLoopShowsHowFarItIsBehindTheInboundTopic() {
        when(intake.receive(any())).thenReturn(new ReferralAccepted(UUID.randomUUID(), UUID.randomUUID(), true));
        kafka.updateEndOffsets(Map.of(PARTITION, 1L));
        send(InboundSamples.referral());

        awaitCommitted(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lag()).isEqualTo(0.0));
        kafka.updateEndOffsets(Map.of(PARTITION, 4L));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lag()).isEqualTo(3.0));
    }

    private Double lag() {
        var gauge = registry.find(PlatformMetrics.CONSUMER_LAG).tag("consumer", "inbound-referrals")
                .tag("topic", TOPIC).tag("partition", "0").gauge();
        return gauge == null ? null : gauge.value();
    }

    private double deadLetters(String reason) {
        return registry.get(PlatformMetrics.DEAD_LETTERS).tag("topic", TOPIC).tag("reason", reason).counter().count();
    }

    private void send(ObjectNode referral) {
        kafka.send(new ConsumerRecord<>(TOPIC, 0, kafka.next(), reference(referral), bytes(referral)));
    }

    private void awaitCommitted(long offset) {
        consumer.start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(kafka.committedOffset()).isEqualTo(offset));
    }

    /** A mock consumer that, like Kafka, hands out again what follows a position the client seeks back to. */
    private static final class ReplayingConsumer extends MockConsumer<String, byte[]> {

        private final List<ConsumerRecord<String, byte[]>> log = new ArrayList<>();

        ReplayingConsumer() {
            super(OffsetResetStrategy.EARLIEST);
            schedulePollTask(() -> {
                rebalance(List.of(PARTITION));
                updateBeginningOffsets(Map.of(PARTITION, 0L));
                log.forEach(this::addRecord);
            });
        }

        synchronized void send(ConsumerRecord<String, byte[]> record) {
            log.add(record);
        }

        synchronized long next() {
            return log.size();
        }

        @Override
        public synchronized void seek(TopicPartition partition, long offset) {
            super.seek(partition, offset);
            log.stream().filter(record -> record.offset() >= offset).forEach(this::addRecord);
        }

        synchronized Long committedOffset() {
            OffsetAndMetadata committed = committed(Set.of(PARTITION)).get(PARTITION);
            return committed == null ? null : committed.offset();
        }
    }

    /** A mock producer whose next sends fail as a broker out of reach would make them. */
    private static final class FlakyProducer extends MockProducer<String, String> {

        final AtomicInteger failNext = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        FlakyProducer() {
            super(true, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            attempts.incrementAndGet();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(new TimeoutException("broker out of reach"));
            }
            return super.send(record, callback);
        }
    }
}
