package org.pve.caseplatform.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.pve.caseplatform.embedded.PlatformLauncher;
import org.pve.caseplatform.embedded.ServiceProcess;
import org.pve.caseplatform.embedded.ServiceSpec;

/**
 * The whole platform as the embedded default runs it (issuer, broker, MongoDB-wire server, the four services as
 * child JVMs), but on free ports and in a fresh temporary data dir that is deleted at close, so it runs beside a
 * running embedded default. The issuer loads the benchmark's own invented personas (bench-personas.csv).
 */
final class BenchPlatform implements AutoCloseable {

    static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "plan-service", "audit-service");
    private static final String PERSONAS = "bench-personas.csv";

    private final PlatformLauncher launcher;
    private final Http http;

    private BenchPlatform(PlatformLauncher launcher) {
        this.launcher = launcher;
        this.http = new Http(launcher.issuerUrl(), this::demoSecret);
    }

    static BenchPlatform start(Options options, Options.Backend backend, Console console) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("case-platform-bench-");
            Files.createDirectories(dataDir.resolve("issuer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path personas = copyPersonas(dataDir);
        List<String> jvmOptions = new ArrayList<>(ServiceProcess.DEFAULT_JVM_OPTIONS);
        if (options.jfrDir() != null) {
            // a directory as the file name: the JVM names each recording by its pid and the time
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + options.jfrDir() + "/");
        }
        PlatformLauncher.Builder builder = PlatformLauncher.builder(dataDir)
                .freePorts()
                .inMemoryMongo(backend == Options.Backend.MEMORY)
                .healthTimeout(Duration.ofMinutes(5))
                .jvmOptions(jvmOptions)
                .progress(console::step)
                .issuer(jar(options.repoDir(), PlatformLauncher.ISSUER), 0,
                        "--platform.issuer.personas=file:" + personas);
        SERVICES.forEach(service -> builder.service(new ServiceSpec(service, jar(options.repoDir(), service), 0)));
        PlatformLauncher launcher = builder.build();
        try {
            launcher.start();
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            throw e;
        }
        return new BenchPlatform(launcher);
    }

    /** A module's executable jar in the checkout, refusing to go on when it has not been built. */
    static Path jar(Path repoDir, String module) {
        Path jar = repoDir.resolve(module).resolve("target").resolve(module + "-" + version() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + "; build first: ./mvnw -B -q -DskipTests package "
                    + "(or give --repo-dir=)");
        }
        return jar;
    }

    Http http() {
        return http;
    }

    String url(String service) {
        return launcher.service(service).baseUrl();
    }

    String mongoUri() {
        return launcher.mongo().connectionString();
    }

    String bootstrapServers() {
        return launcher.broker().bootstrapServers();
    }

    /** The four services and the issuer, whose memory the report shows. */
    List<ServiceProcess> processes() {
        List<ServiceProcess> processes = new ArrayList<>(launcher.services());
        launcher.issuer().ifPresent(processes::add);
        return processes;
    }

    ServiceProcess service(String name) {
        return launcher.service(name);
    }

    @Override
    public void close() {
        try {
            launcher.close();
        } finally {
            deleteRecursively(launcher.dataDir());
        }
    }

    private String demoSecret() {
        try {
            return Files.readString(launcher.dataDir().resolve("issuer").resolve("demo-secret")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no demo secret in the data dir", e);
        }
    }

    private static Path copyPersonas(Path dataDir) {
        Path target = dataDir.resolve("issuer").resolve(PERSONAS);
        try (InputStream in = BenchPlatform.class.getResourceAsStream("/" + PERSONAS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PERSONAS);
            }
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = BenchPlatform.class.getResourceAsStream("/benchmark.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "0.1.0-SNAPSHOT");
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
