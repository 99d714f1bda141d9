package org.pve.caseplatform.referral.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.referral.command.ScreeningDeadlinePoller;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.pve.caseplatform.referral.command.ScreeningDeadlineRecorder;
import org.pve.caseplatform.referral.command.ScreeningDeadlines;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable screening deadline: written as each referral comes in, fired by a poller, on an injectable clock. */
@Configuration
class ScreeningDeadlineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ScreeningDeadlines screeningDeadlines(ServiceDatabase database, MeterRegistry registry) {
        return new ScreeningDeadlines(database, registry);
    }

    @Bean
    ScreeningDeadlineRecorder screeningDeadlineRecorder(ScreeningDeadlines deadlines, DistrictDirectory districts,
                                                        Clock clock, CommandBus commandBus) {
        ScreeningDeadlineRecorder recorder = new ScreeningDeadlineRecorder(deadlines, districts, clock);
        commandBus.registerHandlerInterceptor(recorder);
        return recorder;
    }

    @Bean
    ScreeningDeadlinePoller screeningDeadlinePoller(ScreeningDeadlines deadlines, CommandGateway commands,
                                                    Clock clock, DistrictShard shard) {
        return new ScreeningDeadlinePoller(deadlines, commands, clock, shard);
    }

    @Bean
    PeriodicTask screeningDeadlineSchedule(ScreeningDeadlinePoller poller,
                                           @Value("${platform.deadlines.poll-interval:30s}") Duration every) {
        return new PeriodicTask("screening-deadlines", every, poller::fireDue);
    }
}
