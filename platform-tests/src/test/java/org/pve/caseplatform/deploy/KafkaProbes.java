package org.pve.caseplatform.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;

/** What a client may do on the broker, each probe answering null when it may, else the refusal. */
final class KafkaProbes {

    private KafkaProbes() {
    }

    /** Null when the record was written, else why it was refused. */
    static Throwable sendFailure(KafkaProducer<String, String> producer, String topic) {
        return sendFailure(producer, topic, UUID.randomUUID().toString());
    }

    static Throwable sendFailure(KafkaProducer<String, String> producer, String topic, String key) {
        try {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get(20, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** Null when the admin request succeeded, else why it was refused. */
    static Throwable failureOf(KafkaFuture<?> request) {
        try {
            request.get(15, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** Null when the consumer could join its group and fetch from the topic, else why it was refused. */
    static Throwable pollFailure(Properties consumerProperties, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            return consumer.assignment().isEmpty() ? new AssertionError("no partition assigned") : null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    static List<String> readKeys(Properties consumerProperties, String topic, String wanted) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!keys.contains(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
