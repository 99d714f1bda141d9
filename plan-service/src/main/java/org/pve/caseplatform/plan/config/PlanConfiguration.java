package org.pve.caseplatform.plan.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.command.AgeBands;
import org.pve.caseplatform.plan.command.PlanOpening;
import org.pve.caseplatform.plan.command.ProviderOffers;
import org.pve.caseplatform.plan.command.ReviewPolicy;
import org.pve.caseplatform.plan.query.ProviderRegistry;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan service's consumers (agreed formulations from the assessment topic open plans; referrals tell each case's
 * age band) and the resources the plan's command handlers take: the provider registry's offers and the review
 * policy.
 */
@Configuration
class PlanConfiguration {

    static final String ASSESSMENT_EVENTS_GROUP = "plan-service.assessment-events";
    static final String AGE_BANDS_GROUP = "plan-service.age-bands";

    @Bean
    KafkaEventProcessor assessmentEventsProcessor(KafkaSettings kafka, PlanOpening opening, MeterRegistry registry) {
        return new KafkaEventProcessor(ASSESSMENT_EVENTS_GROUP, List.of(Topics.ASSESSMENT_EVENTS),
                kafka.consumerProperties(ASSESSMENT_EVENTS_GROUP), opening::on, registry);
    }

    @Bean
    KafkaEventProcessor ageBandsProcessor(KafkaSettings kafka, AgeBands ageBands, MeterRegistry registry) {
        return new KafkaEventProcessor(AGE_BANDS_GROUP, List.of(Topics.REFERRAL_EVENTS),
                kafka.consumerProperties(AGE_BANDS_GROUP), ageBands::on, registry);
    }

    @Bean
    ProviderOffers providerOffers(ProviderRegistry registry) {
        return registry::offers;
    }

    @Bean
    ReviewPolicy reviewPolicy(@Value("${platform.plan.concern-review-within:P7D}") Duration within) {
        return new ReviewPolicy(within);
    }
}
