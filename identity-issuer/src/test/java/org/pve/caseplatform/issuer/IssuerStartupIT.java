package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;

/** Whole issuer start-ups: the signing key survives a restart, and bad settings stop the start with a clear cause. */
class IssuerStartupIT {

    private static final String DEMO_SECRET = "it-" + UUID.randomUUID();

    @TempDir
    Path dir;

    @Test
    void theSigningKeyIsCreatedOnceAndTokensFromBeforeARestartStillVerify() throws Exception {
        Path keyFile = dir.resolve("issuer").resolve("signing-key.json");
        String token;
        String firstKid;
        try (ConfigurableApplicationContext first = start("--platform.issuer.key-file=" + keyFile)) {
            IssuerClient client = new IssuerClient(port(first));
            token = client.accessToken("panel-police.dk-fyn", DEMO_SECRET);
            firstKid = client.verify(token).getHeaders().get("kid").toString();
        }
        String stored = Files.readString(keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        try (ConfigurableApplicationContext second = start("--platform.issuer.key-file=" + keyFile)) {
            IssuerClient client = new IssuerClient(port(second));
            Jwt verified = client.verify(token);

            assertThat(verified.getSubject()).isEqualTo("panel-police.dk-fyn");
            assertThat(client.verify(client.accessToken("auditor", DEMO_SECRET)).getHeaders().get("kid"))
                    .hasToString(firstKid);
            assertThat(IssuerClient.json(client.get("/oauth2/jwks", Map.of()))
                    .get("keys").get(0).get("kid").asText()).isEqualTo(firstKid);
        }
        assertThat(Files.readString(keyFile)).isEqualTo(stored);
        assertThat(dir.resolve("issuer").toFile().list()).containsExactly("signing-key.json");
    }

    @Test
    void aMalformedPersonasFileStopsTheStartNamingTheLine() throws Exception {
        Path personas = dir.resolve("personas.csv");
        Files.writeString(personas, String.join("\n", Personas.HEADER,
                "screener.dk-fyn,POLICE_SCREENER,POLICE,dk-fyn,,Invented Screener",
                "",
                "owner.dk-fyn,CASE_KEEPER,SOCIAL_SERVICES,dk-fyn,,Invented Owner"));

        assertThatThrownBy(() -> start("--platform.issuer.key-file=" + dir.resolve("key.json"),
                "--platform.issuer.personas=file:" + personas))
                .rootCause()
                .hasMessageContaining("file:" + personas + " line 4: unknown role 'CASE_KEEPER'");
    }

    @Test
    void anIssuerWithoutADemoSecretRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityIssuerApplication.class)
                .run("--server.port=0", "--platform.issuer.key-file=" + dir.resolve("key.json"),
                        "--platform.issuer.demo-secret="))
                .rootCause()
                .hasMessageContaining("platform.issuer.demo-secret (env PLATFORM_ISSUER_DEMO_SECRET) is not set");
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--platform.issuer.demo-secret=" + DEMO_SECRET));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(IdentityIssuerApplication.class).run(all.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
