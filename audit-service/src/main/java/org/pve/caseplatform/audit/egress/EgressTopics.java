package org.pve.caseplatform.audit.egress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.pve.caseplatform.contract.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends filtered events to their district's egress topic, {@value #PREFIX}{@code <districtId>}, keyed by caseId with
 * the catalogue headers of the original record, and waits for the broker. A district's topic is created the first
 * time it is needed, with the service's partitions and the egress retention (30 days unless configured).
 */
public class EgressTopics {

    public static final String PREFIX = "integration.cases.egress.";

    private static final Logger log = LoggerFactory.getLogger(EgressTopics.class);

    private final Producer<String, String> producer;
    private final Properties adminProperties;
    private final int partitions;
    private final short replicationFactor;
    private final Duration retention;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public EgressTopics(Producer<String, String> producer, Properties adminProperties, int partitions,
                        short replicationFactor, Duration retention) {
        this.producer = producer;
        this.adminProperties = adminProperties;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.retention = retention;
    }

    public static String topicOf(String districtId) {
        return PREFIX + districtId;
    }

    public void send(EgressEvent event) {
        String topic = topicOf(event.districtId());
        ensure(topic);
        Headers headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, event.eventType());
        add(headers, EventHeaders.EVENT_REVISION, Integer.toString(event.eventRevision()));
        add(headers, EventHeaders.MESSAGE_ID, event.messageId());
        add(headers, EventHeaders.CASE_ID, event.caseId());
        add(headers, EventHeaders.DISTRICT_ID, event.districtId());
        add(headers, EventHeaders.CORRELATION_ID, event.correlationId());
        try {
            producer.send(new ProducerRecord<>(topic, null, event.timestamp(), event.caseId(), event.json(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + event.eventType() + " to " + topic, e);
        }
    }

    private void ensure(String topic) {
        if (ensured.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor)
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())))))
                        .all().get();
                log.info("created egress topic {}", topic);
            }
            ensured.add(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e);
            }
            ensured.add(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
