package org.pve.caseplatform.audit.config;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pve.caseplatform.audit.ledger.AnchorSigner;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.audit.replay.ReplayRunner;
import org.pve.caseplatform.audit.replay.Replays;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replays for analysts: each reads the witnessed topics into its own database, {@code <service database>-replay-<id>},
 * one at a time on a background thread (or in the foreground with {@code --replay}).
 */
@Configuration
class ReplayConfiguration {

    @Bean(destroyMethod = "")
    Replays replays(KafkaSettings kafka, ServiceDatabase database, MongoClient client, AnchorSigner signer,
                    PersonalDataVault vault, MeterRegistry registry,
                    @Value("${platform.audit.anchor-every:100}") long anchorEvery,
                    @Value("${platform.audit.anchor-interval:PT60S}") Duration anchorInterval) {
        String live = database.database().getName();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "audit-replay");
            thread.setDaemon(true);
            return thread;
        });
        return new Replays(id -> kafka.consumerProperties("audit-service.replay-" + id),
                LedgerConfiguration.WITNESSED_TOPICS, database.database(),
                id -> client.getDatabase(live + "-replay-" + id), Clock.systemUTC(), executor,
                target -> new HashChains(target, signer, anchorEvery, anchorInterval, Clock.systemUTC()),
                vault::holdsKey, registry);
    }

    @Bean
    ReplayRunner replayRunner(Replays replays, ConfigurableApplicationContext context) {
        return new ReplayRunner(replays, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }
}
