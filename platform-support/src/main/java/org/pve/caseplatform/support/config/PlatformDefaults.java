package org.pve.caseplatform.support.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Settings every service shares, as defaults a service's own configuration can override. */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("axon.axonserver.enabled", "false"),
            Map.entry("spring.data.mongodb.uri", "mongodb://localhost:27017"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
            Map.entry("spring.jackson.serialization.write-dates-as-timestamps", "false"),
            Map.entry("spring.jackson.default-property-inclusion", "non_null"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.metrics.tags.application", "${spring.application.name}"),
            Map.entry("platform.kafka.service-name", "${spring.application.name}"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "20s"),
            Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("platformDefaults", DEFAULTS));
    }
}
