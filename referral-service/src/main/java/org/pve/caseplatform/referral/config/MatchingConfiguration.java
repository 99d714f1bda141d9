package org.pve.caseplatform.referral.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Base64;
import java.util.List;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.matching.BlindKeys;
import org.pve.caseplatform.referral.matching.ExactMatch;
import org.pve.caseplatform.referral.matching.OpenCaseClaims;
import org.pve.caseplatform.referral.query.CaseIndexProjection;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Matching and linking: the blind name keys, the open-case claims used at intake, and the case index that tracks the
 * referral, assessment and plan topics in its own consumer group ({@code referral.case-index.group}; a deployment
 * running a second copy of the index on the same topics, such as a test, gives it a group of its own).
 */
@Configuration
class MatchingConfiguration {

    @Bean
    BlindKeys blindKeys(@Value("${platform.pseudonym.secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("platform.pseudonym.secret (PLATFORM_PSEUDONYM_SECRET) is not set");
        }
        return new BlindKeys(Base64.getDecoder().decode(secret.trim()));
    }

    @Bean
    OpenCaseClaims openCaseClaims(ServiceDatabase database) {
        return new OpenCaseClaims(database);
    }

    @Bean
    ExactMatch exactMatch(Pseudonymiser pseudonymiser, BlindKeys blindKeys, OpenCaseClaims claims) {
        return new ExactMatch(pseudonymiser, blindKeys, claims);
    }

    @Bean
    KafkaEventProcessor caseIndexProcessor(KafkaSettings kafka, CaseIndexProjection projection,
                                           @Value("${referral.case-index.group:referral-service.case-index}")
                                           String group, MeterRegistry registry) {
        return new KafkaEventProcessor("case-index",
                List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS),
                kafka.consumerProperties(group), projection::on, registry);
    }
}
