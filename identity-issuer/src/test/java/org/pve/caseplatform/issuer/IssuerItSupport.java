package org.pve.caseplatform.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One issuer on a random port for the HTTP tests, with a fresh key dir and a demo secret made up per test run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IssuerItSupport {

    static final String DEMO_SECRET = "it-" + UUID.randomUUID();
    static final Path KEY_DIR = tempDir();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("platform.issuer.demo-secret", () -> DEMO_SECRET);
        registry.add("platform.issuer.key-file", () -> KEY_DIR.resolve("signing-key.json").toString());
    }

    @LocalServerPort
    int port;

    IssuerClient client() {
        return new IssuerClient(port);
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("issuer-it");
            // deleted in reverse order of registration: the key file, then its dir
            dir.toFile().deleteOnExit();
            dir.resolve("signing-key.json").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
