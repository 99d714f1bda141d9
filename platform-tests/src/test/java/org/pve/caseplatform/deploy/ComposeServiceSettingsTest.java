package org.pve.caseplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.SecuritySettings;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.sharding.ShardingSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What each service of docker-compose.yml makes of its environment, bound as Spring Boot binds environment
 * variables: it trusts the Keycloak realm's tokens and fetches the keys inside the compose network.
 */
class ComposeServiceSettingsTest {

    private static final Path REPO = Path.of(System.getProperty("platform.repo.dir", "..")).toAbsolutePath();
    private static final Path ENV_EXAMPLE = REPO.resolve("deploy/env.example");
    private static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "assessment-service-dk", "plan-service", "audit-service");

    @Test
    void everyServiceTrustsTheCasePlatformRealmWithItsStableIssuer() {
        ComposeFile compose = ComposeFile.read(REPO.resolve("docker-compose.yml"), ComposeFile.envFile(ENV_EXAMPLE));
        for (String service : SERVICES) {
            SecuritySettings settings = bind(compose.environment(service));

            assertThat(settings.issuerUri()).isEqualTo("http://localhost:8180/realms/case-platform");
            assertThat(settings.jwkSetUri())
                    .isEqualTo("http://keycloak:8080/realms/case-platform/protocol/openid-connect/certs");
            assertThat(settings.audience()).isEqualTo("case-platform");
        }
    }

    @Test
    void thePublicAddressOfKeycloakMovesTheIssuerOfEveryService() {
        Map<String, String> variables = ComposeFile.envFile(ENV_EXAMPLE);
        variables.put("KEYCLOAK_URL", "https://login.example.org");
        ComposeFile compose = ComposeFile.read(REPO.resolve("docker-compose.yml"), variables);

        assertThat(compose.environment("keycloak")).containsEntry("KC_HOSTNAME", "https://login.example.org");
        for (String service : SERVICES) {
            assertThat(bind(compose.environment(service)).issuerUri())
                    .isEqualTo("https://login.example.org/realms/case-platform");
        }
    }

    @Test
    void theTwoAssessmentInstancesShareOneValidShardMapAndSplitEveryDistrictBetweenThem() {
        ComposeFile compose = ComposeFile.read(REPO.resolve("docker-compose.yml"), ComposeFile.envFile(ENV_EXAMPLE));
        DistrictDirectory directory = DistrictDirectory.load();
        DistrictShard general = DistrictShard.of(bindShards(compose.environment("assessment-service")), directory);
        DistrictShard danish = DistrictShard.of(bindShards(compose.environment("assessment-service-dk")), directory);

        assertThat(general.name()).isEqualTo(DistrictShard.GENERAL);
        assertThat(danish.name()).isEqualTo("dk");
        assertThat(danish.districts()).isEqualTo(directory.all().stream().map(District::districtId)
                .filter(district -> district.startsWith("dk-")).collect(Collectors.toSet()));
        assertThat(directory.all()).allMatch(district ->
                general.handles(district.districtId()) != danish.handles(district.districtId()));
    }

    private static SecuritySettings bind(Map<String, String> environment) {
        return binder(environment).bindOrCreate("platform.security", SecuritySettings.class);
    }

    private static ShardingSettings bindShards(Map<String, String> environment) {
        return binder(environment).bindOrCreate("platform.sharding", ShardingSettings.class);
    }

    private static Binder binder(Map<String, String> environment) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment));
        return new Binder(ConfigurationPropertySources.from(source));
    }
}
