package org.pve.caseplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    @Test
    void theClaimTimeoutIsTheConsumersSessionWithAHeartbeatEveryThirdOfIt() {
        Properties consumer = new KafkaSettings("broker:9092", 6, (short) 1, "assessment-service", Map.of(),
                Duration.ofSeconds(12)).consumerProperties("assessment-service.referral-events");

        assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "assessment-service.referral-events");
    }

    @Test
    void withoutAClaimTimeoutAnInstanceKeepsItsPartitionsForTenSecondsOnceSilent() {
        KafkaSettings settings = new KafkaSettings(null, null, null, null);

        assertThat(settings.claimTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.consumerProperties("g")).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    }

    @Test
    void aClaimTimeoutNoBrokerAcceptsIsRefusedAtStart() {
        assertThatThrownBy(() -> new KafkaSettings(null, null, null, null, Map.of(), Duration.ZERO))
                .hasMessageStartingWith("platform.kafka.claim-timeout must be between");
        assertThatThrownBy(() -> new KafkaSettings(null, null, null, null, Map.of(), Duration.ofDays(1)))
                .hasMessageContaining("not PT24H");
    }
}
