package org.pve.caseplatform.plan.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.query.family.FamilyGroupProjection;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Family groups from the referral topic feed the family workbook. */
@Configuration
class FamilyConfiguration {

    static final String FAMILIES_GROUP = "plan-service.families";

    @Bean
    KafkaEventProcessor familiesProcessor(KafkaSettings kafka, FamilyGroupProjection families,
                                          MeterRegistry registry) {
        return new KafkaEventProcessor(FAMILIES_GROUP, List.of(Topics.REFERRAL_EVENTS),
                kafka.consumerProperties(FAMILIES_GROUP), families::on, registry);
    }
}
