package org.pve.caseplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pve.caseplatform.embedded.PlatformLauncher;
import org.pve.caseplatform.embedded.ServiceSpec;

/**
 * The whole platform as the embedded default runs it, with security on: a real Kafka broker, the MongoDB-wire server,
 * the identity issuer loaded with the test personas, and the four services as separate processes verifying its
 * tokens, in a fresh temporary data dir. The test classes share one ({@link SharedPlatform}).
 */
final class SecuredPlatform implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "plan-service", "audit-service");
    static final String PERSONAS_RESOURCE = "/e2e-personas.csv";

    private final PlatformLauncher launcher;
    private final PlatformClient client = new PlatformClient();
    private final IssuerTokens tokens;
    private final Map<String, Persona> personas;

    private SecuredPlatform(PlatformLauncher launcher, Map<String, Persona> personas) {
        this.launcher = launcher;
        this.personas = personas;
        this.tokens = new IssuerTokens(launcher::issuerUrl, this::demoSecret);
    }

    /** Builds and starts the platform; {@code issuerArgs} go to the issuer besides the personas file. */
    static SecuredPlatform start(String name, String... issuerArgs) {
        return start(name, SERVICES.stream().map(service -> new ServiceSpec(service, jar(service), 0)).toList(),
                issuerArgs);
    }

    /** The same with other services: more instances of one, or args of their own. */
    static SecuredPlatform start(String name, List<ServiceSpec> services, String... issuerArgs) {
        Path personasCsv = personasCsv();
        PlatformLauncher.Builder builder;
        try {
            builder = PlatformLauncher.builder(Files.createTempDirectory("e2e-" + name))
                    .freePorts()
                    .healthTimeout(Duration.ofMinutes(4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] args = new String[issuerArgs.length + 1];
        args[0] = "--platform.issuer.personas=file:" + personasCsv;
        System.arraycopy(issuerArgs, 0, args, 1, issuerArgs.length);
        builder.issuer(jar("identity-issuer"), 0, args);
        builder.services(services);
        PlatformLauncher launcher = builder.build();
        launcher.start();
        return new SecuredPlatform(launcher, Persona.load(personasCsv));
    }

    static Path repo() {
        return Path.of(System.getProperty("platform.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** A module's executable jar, as the reactor built it. */
    static Path jar(String module) {
        return repo().resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    static Path personasCsv() {
        try {
            return Path.of(SecuredPlatform.class.getResource(PERSONAS_RESOURCE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    PlatformLauncher launcher() {
        return launcher;
    }

    PlatformClient client() {
        return client;
    }

    IssuerTokens tokens() {
        return tokens;
    }

    Map<String, Persona> personas() {
        return personas;
    }

    Persona persona(String id) {
        Persona persona = personas.get(id);
        if (persona == null) {
            throw new IllegalArgumentException("no persona " + id + " in " + PERSONAS_RESOURCE);
        }
        return persona;
    }

    String url(String service) {
        return "http://127.0.0.1:" + launcher.service(service).port();
    }

    String referral() {
        return url("referral-service");
    }

    String assessment() {
        return url("assessment-service");
    }

    String plan() {
        return url("plan-service");
    }

    String audit() {
        return url("audit-service");
    }

    String issuerUrl() {
        return launcher.issuerUrl();
    }

    Path dataDir() {
        return launcher.dataDir();
    }

    /** The secret every persona shares, which the launcher generated into the data dir. */
    String demoSecret() {
        try {
            return Files.readString(dataDir().resolve("issuer").resolve("demo-secret")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no demo secret in the data dir", e);
        }
    }

    @Override
    public void close() {
        launcher.close();
    }
}
