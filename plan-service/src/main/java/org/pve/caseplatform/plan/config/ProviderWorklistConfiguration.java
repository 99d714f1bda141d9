package org.pve.caseplatform.plan.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.query.ProviderWorklistProjection;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan's own published commissions feed each provider's worklist. */
@Configuration
class ProviderWorklistConfiguration {

    static final String WORKLISTS_GROUP = "plan-service.provider-worklists";

    @Bean
    KafkaEventProcessor providerWorklistsProcessor(KafkaSettings kafka, ProviderWorklistProjection worklists,
                                                   MeterRegistry registry) {
        return new KafkaEventProcessor(WORKLISTS_GROUP, List.of(Topics.PLAN_EVENTS),
                kafka.consumerProperties(WORKLISTS_GROUP), worklists::on, registry);
    }
}
