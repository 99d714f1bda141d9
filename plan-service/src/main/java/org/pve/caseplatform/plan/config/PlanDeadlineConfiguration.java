package org.pve.caseplatform.plan.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.pve.caseplatform.plan.command.PlanDeadlinePoller;
import org.pve.caseplatform.plan.command.PlanDeadlineRecorder;
import org.pve.caseplatform.plan.command.PlanDeadlines;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The plan's durable deadlines (handover, review, a commission's start) in one collection: written from the events
 * the plan publishes, fired by one poller on an injectable clock.
 */
@Configuration
class PlanDeadlineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlanDeadlines planDeadlines(ServiceDatabase database, MeterRegistry registry) {
        return new PlanDeadlines(database, registry);
    }

    @Bean
    PlanDeadlineRecorder planDeadlineRecorder(PlanDeadlines deadlines, DistrictDirectory districts,
                                              EventBus eventBus) {
        PlanDeadlineRecorder recorder = new PlanDeadlineRecorder(deadlines, districts);
        eventBus.registerDispatchInterceptor(recorder);
        return recorder;
    }

    @Bean
    PlanDeadlinePoller planDeadlinePoller(PlanDeadlines deadlines, CommandGateway commands, Clock clock,
                                          DistrictShard shard) {
        return new PlanDeadlinePoller(deadlines, commands, clock, shard);
    }

    @Bean
    PeriodicTask planDeadlineSchedule(PlanDeadlinePoller poller,
                                      @Value("${platform.deadlines.poll-interval:30s}") Duration every) {
        return new PeriodicTask("plan-deadlines", every, poller::fireDue);
    }
}
