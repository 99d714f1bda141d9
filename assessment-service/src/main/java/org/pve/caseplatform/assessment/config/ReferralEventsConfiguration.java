package org.pve.caseplatform.assessment.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.pve.caseplatform.assessment.command.ScreeningOutcomes;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracks the referral topic in the service's own consumer group, so cleared cases get their assessment. */
@Configuration
class ReferralEventsConfiguration {

    static final String GROUP = "assessment-service.referral-events";

    @Bean
    KafkaEventProcessor referralEventsProcessor(KafkaSettings kafka, ScreeningOutcomes outcomes,
                                                MeterRegistry registry) {
        return new KafkaEventProcessor("referral-events", List.of(Topics.REFERRAL_EVENTS),
                kafka.consumerProperties(GROUP), outcomes::on, registry);
    }
}
