package org.pve.caseplatform.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pve.caseplatform.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the domain topics a service needs, kept forever (they are the replay source), if they do not exist. */
public class TopicProvisioner {

    public static final List<String> DOMAIN_TOPICS =
            List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS, Topics.ACCESS_LOG);

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final KafkaSettings settings;

    public TopicProvisioner(KafkaSettings settings) {
        this.settings = settings;
    }

    /** Waits for the broker (up to {@code patience}) and creates whichever domain topics are missing. */
    public void ensureDomainTopics(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Admin admin = Admin.create(settings.adminProperties())) {
                createMissing(admin);
                return;
            } catch (RuntimeException | ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " is not reachable", e);
                }
                log.info("waiting for Kafka at {}: {}", settings.bootstrapServers(), e.getMessage());
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
    }

    private void createMissing(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : DOMAIN_TOPICS) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                                TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
