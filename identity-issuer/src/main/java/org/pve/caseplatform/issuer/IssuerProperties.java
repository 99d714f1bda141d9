package org.pve.caseplatform.issuer;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code platform.issuer}.
 *
 * @param url        the issuer identifier, the {@code iss} of every token
 * @param keyFile    where the RSA signing key is kept across restarts (created on first start)
 * @param personas   resource location of the personas CSV
 * @param demoSecret the secret of every persona, as client and as user (env PLATFORM_ISSUER_DEMO_SECRET)
 * @param tokenTtl   lifetime of access tokens
 */
@ConfigurationProperties("platform.issuer")
public record IssuerProperties(
        @DefaultValue("http://localhost:9000") String url,
        @DefaultValue("./.platform-data/issuer/signing-key.json") Path keyFile,
        @DefaultValue("classpath:personas.csv") String personas,
        String demoSecret,
        @DefaultValue("15m") Duration tokenTtl) {

    static final int MIN_DEMO_SECRET_LENGTH = 16;

    /** The demo secret, refusing to start without one: it is never part of the repository. */
    String requiredDemoSecret() {
        if (demoSecret == null || demoSecret.isBlank()) {
            throw new IllegalStateException("platform.issuer.demo-secret (env PLATFORM_ISSUER_DEMO_SECRET) is not set;"
                    + " the embedded platform generates it in <data dir>/issuer/demo-secret");
        }
        if (demoSecret.length() < MIN_DEMO_SECRET_LENGTH) {
            throw new IllegalStateException("platform.issuer.demo-secret is shorter than " + MIN_DEMO_SECRET_LENGTH
                    + " characters");
        }
        return demoSecret;
    }
}
