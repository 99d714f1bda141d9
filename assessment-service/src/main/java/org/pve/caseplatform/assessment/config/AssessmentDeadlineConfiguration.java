package org.pve.caseplatform.assessment.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.command.AssessmentDeadlinePoller;
import org.pve.caseplatform.assessment.command.AssessmentDeadlineRecorder;
import org.pve.caseplatform.assessment.command.AssessmentDeadlines;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable deadline of assessments: written as each assessment is opened (the district's assessment_due_days),
 * fired by a poller on the service's clock (the Clock bean of ConfidentialityExpiryConfiguration).
 */
@Configuration
class AssessmentDeadlineConfiguration {

    @Bean
    AssessmentDeadlines assessmentDeadlines(ServiceDatabase database, MeterRegistry registry) {
        return new AssessmentDeadlines(database, registry);
    }

    @Bean
    AssessmentDeadlineRecorder assessmentDeadlineRecorder(AssessmentDeadlines deadlines, CommandBus commandBus) {
        AssessmentDeadlineRecorder recorder = new AssessmentDeadlineRecorder(deadlines);
        commandBus.registerHandlerInterceptor(recorder);
        return recorder;
    }

    @Bean
    AssessmentDeadlinePoller assessmentDeadlinePoller(AssessmentDeadlines deadlines, CommandGateway commands,
                                                      Clock clock, DistrictShard shard) {
        return new AssessmentDeadlinePoller(deadlines, commands, clock, shard);
    }

    @Bean
    PeriodicTask assessmentDeadlineSchedule(
            AssessmentDeadlinePoller poller,
            @Value("${platform.assessment.deadline-poll-interval:60s}") Duration every) {
        return new PeriodicTask("assessment-deadlines", every, poller::fireDue);
    }
}
