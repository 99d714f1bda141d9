package org.pve.caseplatform.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's OAuth2/OIDC issuer for the embedded default and the tests: RS256 tokens for invented demo personas.
 * Production deployments use Keycloak with the same claims instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityIssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityIssuerApplication.class, args);
    }
}
