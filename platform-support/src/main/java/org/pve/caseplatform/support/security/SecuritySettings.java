package org.pve.caseplatform.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from: the issuer they must name, the JWK set that verifies their signatures (the issuer's
 * {@code /oauth2/jwks} unless set; Keycloak's is {@code .../protocol/openid-connect/certs}), and the audience.
 */
@ConfigurationProperties("platform.security")
public record SecuritySettings(String issuerUri, String jwkSetUri, String audience) {

    public SecuritySettings {
        issuerUri = issuerUri == null || issuerUri.isBlank() ? "http://localhost:9000" : issuerUri;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuerUri.replaceAll("/$", "") + "/oauth2/jwks"
                : jwkSetUri;
        audience = audience == null || audience.isBlank() ? "case-platform" : audience;
    }
}
