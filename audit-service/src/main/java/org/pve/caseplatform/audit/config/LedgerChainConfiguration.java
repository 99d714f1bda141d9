package org.pve.caseplatform.audit.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.pve.caseplatform.audit.ledger.AnchorSchedule;
import org.pve.caseplatform.audit.ledger.AnchorSigner;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.audit.ledger.KafkaTopicOffsets;
import org.pve.caseplatform.audit.ledger.LedgerVerifier;
import org.pve.caseplatform.audit.ledger.TopicOffsets;
import org.pve.caseplatform.audit.ledger.VerifyLedgerRunner;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's hash chains and anchors: the anchor key comes from {@code platform.audit.anchor-key} (base64) or, when
 * unset, is derived from the keystore master key; it is never written to MongoDB.
 */
@Configuration
class LedgerChainConfiguration {

    @Bean
    AnchorSigner anchorSigner(@Value("${platform.audit.anchor-key:}") String anchorKey,
                              @Value("${platform.keystore.master-key:}") String masterKey) {
        return AnchorSigner.fromConfiguration(anchorKey, masterKey);
    }

    @Bean
    HashChains hashChains(ServiceDatabase database, AnchorSigner signer,
                          @Value("${platform.audit.anchor-every:100}") long anchorEvery,
                          @Value("${platform.audit.anchor-interval:PT60S}") Duration anchorInterval) {
        return new HashChains(database.database(), signer, anchorEvery, anchorInterval, Clock.systemUTC());
    }

    /** Not when the process only verifies ({@code --verify-ledger}) or replays ({@code --replay}). */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnExpression("'${verify-ledger:absent}' == 'absent' and '${replay:absent}' == 'absent'")
    AnchorSchedule anchorSchedule(HashChains chains) {
        return new AnchorSchedule(chains);
    }

    @Bean
    TopicOffsets witnessedTopicOffsets(KafkaSettings kafka) {
        return new KafkaTopicOffsets(kafka.adminProperties(), LedgerConfiguration.WITNESSED_TOPICS,
                LedgerConfiguration.CONSUMER_GROUP);
    }

    @Bean
    LedgerVerifier ledgerVerifier(ServiceDatabase database, AnchorSigner signer, TopicOffsets offsets) {
        return new LedgerVerifier(database.database(), signer, offsets);
    }

    @Bean
    VerifyLedgerRunner verifyLedgerRunner(LedgerVerifier verifier, ObjectMapper json,
                                          ConfigurableApplicationContext context) {
        return new VerifyLedgerRunner(verifier::verify, json,
                code -> System.exit(SpringApplication.exit(context, () -> code)));
    }
}
