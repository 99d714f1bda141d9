package org.pve.caseplatform.assessment.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.command.AssessmentDeadlines;
import org.pve.caseplatform.assessment.command.ConfidentialityExpiries;
import org.pve.caseplatform.assessment.command.ConfidentialityExpiryPoller;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.pve.caseplatform.assessment.command.ConfidentialityExpiryRecorder;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable expiry of confidentiality agreements: written as each agreement is recorded, fired by a poller, on an
 * injectable clock (the same clock decides whether an agreement is still active when a panel member reads).
 */
@Configuration
class ConfidentialityExpiryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConfidentialityExpiries confidentialityExpiries(ServiceDatabase database, MeterRegistry registry,
                                                    AssessmentDeadlines deadlines) {
        return new ConfidentialityExpiries(database, registry, deadlines::districtOf);
    }

    @Bean
    ConfidentialityExpiryRecorder confidentialityExpiryRecorder(ConfidentialityExpiries expiries,
                                                                CommandBus commandBus) {
        ConfidentialityExpiryRecorder recorder = new ConfidentialityExpiryRecorder(expiries);
        commandBus.registerHandlerInterceptor(recorder);
        return recorder;
    }

    @Bean
    ConfidentialityExpiryPoller confidentialityExpiryPoller(ConfidentialityExpiries expiries,
                                                            CommandGateway commands, Clock clock,
                                                            DistrictShard shard) {
        return new ConfidentialityExpiryPoller(expiries, commands, clock, shard);
    }

    @Bean
    PeriodicTask confidentialityExpirySchedule(
            ConfidentialityExpiryPoller poller,
            @Value("${platform.confidentiality.expiry-poll-interval:60s}") Duration every) {
        return new PeriodicTask("confidentiality-expiries", every, poller::fireDue);
    }
}
