package org.pve.caseplatform.embedded;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaBrokerTest {

    private static final TopicPartition REFERRALS = new TopicPartition("referrals", 0);

    @TempDir
    Path dataDir;

    @Test
    void aRestartOnTheSameDataDirKeepsTheTopicItsRecordsAndTheCommittedOffset() throws Exception {
        EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(dataDir, 0, 0);
        first.start();
        try (KafkaTestClient client = new KafkaTestClient(first.bootstrapServers())) {
            client.createTopic(REFERRALS.topic());
            client.send(REFERRALS, "a", "b", "c", "d", "e");
            client.commit("projection", REFERRALS, 3);
        } finally {
            first.stop();
        }

        EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(dataDir, first.port(), first.controllerPort());
        second.start();
        try (KafkaTestClient client = new KafkaTestClient(second.bootstrapServers())) {
            assertThat(client.topics()).contains(REFERRALS.topic());
            assertThat(client.committedOffset("projection", REFERRALS)).isEqualTo(3);
            assertThat(client.readFromCommitted("projection", REFERRALS)).containsExactly("d", "e");
            assertThat(client.readFromBeginning(REFERRALS)).containsExactly("a", "b", "c", "d", "e");
        } finally {
            second.stop();
        }
    }

    @Test
    void theSameInstanceStartsAgainAfterStopAsTheSameCluster() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0);
        String clusterId;
        broker.start();
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            clusterId = client.clusterId();
            client.createTopic(REFERRALS.topic());
            client.send(REFERRALS, "before");
        }
        broker.stop();
        assertThat(broker.isRunning()).isFalse();

        broker.start();
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            client.send(REFERRALS, "after");
            assertThat(client.readFromBeginning(REFERRALS)).containsExactly("before", "after");
            assertThat(client.clusterId()).isEqualTo(clusterId);
        } finally {
            broker.stop();
        }
    }

    @Test
    void newTopicsGetThreePartitionsAndTheBrokerKeepsRecordsForever() throws Exception {
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0)) {
            broker.start();
            try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
                client.createTopic("plans");
                assertThat(client.partitions("plans")).isEqualTo(3);
                assertThat(client.brokerConfig("log.retention.ms")).isEqualTo("-1");
                assertThat(client.brokerConfig("auto.create.topics.enable")).isEqualTo("false");
            }
        }
    }
}
