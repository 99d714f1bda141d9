package org.pve.caseplatform.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pve.caseplatform.contract.Topics;

/**
 * The platform's Kafka side as a municipal system sees it: sends referrals on the inbound topic and reads
 * {@code case.referral.events} (as any integrator may) to learn which referral and case each external reference
 * became, for every referral however it entered.
 */
final class Intake implements AutoCloseable {

    /** A referral the platform took, and its case. */
    record Referred(String referralId, String caseId, String districtId) {
    }

    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, CompletableFuture<Referred>> byReference = new ConcurrentHashMap<>();
    private final List<String> caseIds = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    Intake(String bootstrapServers) {
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producing.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(producing, new StringSerializer(), new StringSerializer());
        Properties consuming = new Properties();
        consuming.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consuming.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(consuming, new StringDeserializer(), new StringDeserializer());
        reader = new Thread(this::read, "bench-referral-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one inbound referral, keyed by its external reference as the contract asks. */
    void send(Map<String, Object> referral) {
        String reference = (String) referral.get("externalReference");
        producer.send(new ProducerRecord<>(Topics.INBOUND_REFERRALS, reference, Http.write(referral)));
    }

    void flush() {
        producer.flush();
    }

    /** The referral and case an external reference became, once it shows on the referral topic. */
    Referred await(String externalReference, Duration patience) {
        try {
            return future(externalReference).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("referral " + externalReference + " not on "
                    + Topics.REFERRAL_EVENTS + " within " + patience.toSeconds() + " s", e);
        }
    }

    /** How many referrals (cases) have shown on the referral topic since the platform started. */
    int referralsSeen() {
        return caseIds.size();
    }

    /** Every case seen so far. */
    List<String> caseIds() {
        return new ArrayList<>(caseIds);
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private CompletableFuture<Referred> future(String externalReference) {
        return byReference.computeIfAbsent(externalReference, reference -> new CompletableFuture<>());
    }

    private void read() {
        try (consumer) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (running && partitions.isEmpty()) {
                for (PartitionInfo info : consumer.partitionsFor(Topics.REFERRAL_EVENTS, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if ("ReferralReceived".equals(header(record, "eventType"))) {
                        take(record.value());
                    }
                }
            }
        }
    }

    private void take(String value) {
        try {
            JsonNode event = Http.JSON.readTree(value);
            Referred referred = new Referred(event.path("referralId").asText(), event.path("caseId").asText(),
                    event.path("districtId").asText());
            caseIds.add(referred.caseId());
            if (event.hasNonNull("externalReference")) {
                future(event.get("externalReference").asText()).complete(referred);
            }
        } catch (IOException e) {
            throw new IllegalStateException("a record on " + Topics.REFERRAL_EVENTS + " is not JSON", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
