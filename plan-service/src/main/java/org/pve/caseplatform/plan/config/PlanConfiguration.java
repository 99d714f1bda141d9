package org.pve.caseplatform.plan.config;

import java.util.List;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.command.PlanOpening;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan service's consumers: agreed formulations from the assessment topic open plans. */
@Configuration
class PlanConfiguration {

    static final String ASSESSMENT_EVENTS_GROUP = "plan-service.assessment-events";

    @Bean
    KafkaEventProcessor assessmentEventsProcessor(KafkaSettings kafka, PlanOpening opening) {
        return new KafkaEventProcessor(ASSESSMENT_EVENTS_GROUP, List.of(Topics.ASSESSMENT_EVENTS),
                kafka.consumerProperties(ASSESSMENT_EVENTS_GROUP), opening::on);
    }
}
