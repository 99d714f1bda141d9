package org.pve.caseplatform.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The platform's own meters that need no wiring in a service. {@link CommandOutcomes} is a command handler
 * interceptor bean: Axon's interceptor auto-configuration registers it on the command bus (once; registering it by
 * hand as well would count every command twice).
 */
@AutoConfiguration
public class MetricsConfiguration {

    @Bean
    public CommandOutcomes commandOutcomes(MeterRegistry registry) {
        return new CommandOutcomes(registry);
    }
}
