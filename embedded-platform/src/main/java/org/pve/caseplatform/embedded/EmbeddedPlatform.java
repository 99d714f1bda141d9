package org.pve.caseplatform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command run mode: the OIDC issuer, MongoDB-wire server, Kafka broker and the four services on fixed local
 * ports, with all data (and the issuer's signing key) in one data dir so that a rerun continues the same topics,
 * offsets, stores and tokens.
 */
public final class EmbeddedPlatform {

    static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "plan-service", "audit-service");
    static final int FIRST_SERVICE_PORT = 8081;
    static final int ISSUER_PORT = 9000;

    private EmbeddedPlatform() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "embedded-platform-logback.xml");
        }
        ConsolePrinter console = new ConsolePrinter(System.out, System.err);
        try {
            run(Options.parse(args), console);
        } catch (IllegalArgumentException e) {
            console.problem(e.getMessage());
            console.usage();
            System.exit(2);
        } catch (RuntimeException e) {
            console.problem(e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options, ConsolePrinter console) {
        if (options.help()) {
            console.usage();
            return;
        }
        List<ServiceSpec> services = services(options.repoDir());
        requireFreePorts(services);
        long started = System.nanoTime();
        console.step("Data dir " + options.dataDir());
        PlatformLauncher platform = PlatformLauncher.builder(options.dataDir())
                .kafkaPort(EmbeddedKafkaBroker.DEFAULT_PORT)
                .controllerPort(EmbeddedKafkaBroker.DEFAULT_CONTROLLER_PORT)
                .mongoPort(EmbeddedMongo.DEFAULT_PORT)
                .issuer(issuerJar(options.repoDir()), ISSUER_PORT)
                .services(services)
                .progress(console::step)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.step("Stopping the services and the issuer, then Kafka, then MongoDB");
            platform.close();
            console.step("Stopped. Data kept in " + platform.dataDir());
            stopped.countDown();
        }, "platform-shutdown"));
        platform.start();
        console.ready(platform, Duration.ofNanos(System.nanoTime() - started));
        awaitQuietly(stopped);
    }

    /** The services, refusing to go on when any of their jars or the issuer's is missing. */
    static List<ServiceSpec> services(Path repoDir) {
        List<ServiceSpec> specs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            String name = SERVICES.get(i);
            Path jar = jar(repoDir, name);
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
            specs.add(new ServiceSpec(name, jar, FIRST_SERVICE_PORT + i));
        }
        if (!Files.isRegularFile(issuerJar(repoDir))) {
            missing.add(issuerJar(repoDir).toString());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing service jar(s):\n  " + String.join("\n  ", missing)
                    + "\nBuild them first: cd " + repoDir + " && mvn -B package -DskipTests");
        }
        return specs;
    }

    static Path issuerJar(Path repoDir) {
        return jar(repoDir, PlatformLauncher.ISSUER);
    }

    private static Path jar(Path repoDir, String module) {
        return repoDir.resolve(module).resolve("target").resolve(module + "-" + version() + "-exec.jar");
    }

    private static void requireFreePorts(List<ServiceSpec> services) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(ISSUER_PORT, "OIDC issuer");
        ports.put(EmbeddedMongo.DEFAULT_PORT, "MongoDB");
        ports.put(EmbeddedKafkaBroker.DEFAULT_PORT, "Kafka");
        ports.put(EmbeddedKafkaBroker.DEFAULT_CONTROLLER_PORT, "Kafka controller");
        services.forEach(service -> ports.put(service.port(), service.name()));
        ports.forEach((port, user) -> {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("Port " + port + " (" + user + ") is in use: is the platform "
                        + "already running, or another MongoDB, Kafka, issuer or service?");
            }
        });
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedPlatform.class.getResourceAsStream("/embedded-platform.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "0.1.0-SNAPSHOT");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Options(Path dataDir, Path repoDir, boolean help) {

        static Options parse(String[] args) {
            Path dataDir = Path.of(".platform-data");
            Path repoDir = Path.of(".");
            boolean help = false;
            for (String arg : args) {
                if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(arg.substring("--data-dir=".length()));
                } else if (arg.startsWith("--repo-dir=")) {
                    repoDir = Path.of(arg.substring("--repo-dir=".length()));
                } else if (arg.equals("--help") || arg.equals("-h")) {
                    help = true;
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            return new Options(dataDir.toAbsolutePath().normalize(), repoDir.toAbsolutePath().normalize(), help);
        }
    }
}
