package org.pve.caseplatform.support.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Kafka connection settings of a service ({@code platform.kafka.*}).
 *
 * @param bootstrapServers the brokers
 * @param partitions partitions of a domain topic the service creates
 * @param replicationFactor replication of the topics it creates
 * @param serviceName names the clients, so the broker's logs say who is who
 * @param client Kafka client settings added to every admin, producer and consumer of the service: authentication
 *               in production ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}), TLS
 * @param claimTimeout how long a consumer instance that stopped answering keeps its partitions before the group's
 *                     other instances take them over (the consumer's {@code session.timeout.ms}, heartbeats every
 *                     third of it; ADR 0010); 10 s unless set, within the broker's
 *                     {@code group.min.session.timeout.ms} (6 s) and {@code group.max.session.timeout.ms}
 */
@ConfigurationProperties("platform.kafka")
public record KafkaSettings(String bootstrapServers, Integer partitions, Short replicationFactor, String serviceName,
                            Map<String, String> client, Duration claimTimeout) {

    public KafkaSettings(String bootstrapServers, Integer partitions, Short replicationFactor, String serviceName) {
        this(bootstrapServers, partitions, replicationFactor, serviceName, Map.of());
    }

    public KafkaSettings(String bootstrapServers, Integer partitions, Short replicationFactor, String serviceName,
                         Map<String, String> client) {
        this(bootstrapServers, partitions, replicationFactor, serviceName, client, null);
    }

    @ConstructorBinding
    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        serviceName = serviceName == null ? "case-platform" : serviceName;
        client = client == null ? Map.of() : Map.copyOf(client);
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        if (claimTimeout.compareTo(Duration.ofSeconds(1)) < 0 || claimTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("platform.kafka.claim-timeout must be between 1 s and 1 h (the"
                    + " broker allows 6 s to 30 min by default), not " + claimTimeout);
        }
    }

    public Properties adminProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, serviceName + "-admin");
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.putAll(client);
        return props;
    }

    /** An idempotent producer that waits for every in-sync replica and never blocks a caller for long. */
    public Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-publisher");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.putAll(client);
        return props;
    }

    /**
     * A consumer in a group that commits only what its handler has finished, and whose partitions move to the
     * group's other instances once it has not been heard of for the claim timeout.
     */
    public Properties consumerProperties(String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-" + groupId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) claimTimeout.toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) claimTimeout.toMillis() / 3);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.putAll(client);
        return props;
    }
}
