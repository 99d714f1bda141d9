package org.pve.caseplatform.support.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Idempotency-Key for every service's commands over HTTP: the answers in the service's own database
 * ({@code idempotent_responses}), kept {@code platform.idempotency.retention} (24 h by default); a request that died
 * while running blocks its key for {@code platform.idempotency.claim-timeout} (1 min) at most.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotencyConfiguration {

    @Bean
    public IdempotentResponses idempotentResponses(ServiceDatabase database, PersonalDataVault vault,
                                                   ObjectProvider<Clock> clock,
                                                   @Value("${platform.idempotency.retention:PT24H}") Duration retention,
                                                   @Value("${platform.idempotency.claim-timeout:PT1M}")
                                                   Duration claimTimeout) {
        return new IdempotentResponses(database.database().getCollection("idempotent_responses"), vault,
                clock.getIfUnique(Clock::systemUTC), retention, claimTimeout);
    }

    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentResponses responses,
                                                                       ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(responses, json));
        // after Spring Security's chain, so the caller is known and keys of different callers never meet
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    public PeriodicTask idempotencyExpiry(IdempotentResponses responses) {
        return new PeriodicTask("idempotency-expiry", Duration.ofHours(1), responses::forgetExpired);
    }
}
