package org.pve.caseplatform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the platform on one data dir: the OIDC issuer when one is set (launched first, healthy before any service
 * starts), the MongoDB-wire server, the Kafka broker, then the services as child JVMs in parallel; closing stops the
 * services and the issuer (in parallel), then Kafka, then MongoDB. Used by the embedded run mode and by integration
 * tests.
 */
public final class PlatformLauncher implements AutoCloseable {

    public static final String ISSUER = "identity-issuer";
    private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);

    private final Path dataDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafkaBroker broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final ServiceProcess issuer;
    private final String issuerUrl;
    private final Duration healthTimeout;
    private final Consumer<String> progress;
    private volatile boolean closed;

    private PlatformLauncher(Builder builder) {
        this.dataDir = DataDir.prepare(builder.dataDir);
        this.mongo = builder.inMemoryMongo
                ? EmbeddedMongo.inMemory(builder.mongoPort)
                : EmbeddedMongo.persistent(dataDir.resolve("mongo"), builder.mongoPort);
        this.broker = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), builder.kafkaPort, builder.controllerPort);
        this.healthTimeout = builder.healthTimeout;
        this.progress = builder.progress;
        Map<String, String> secrets = PlatformSecrets.loadOrCreate(dataDir);
        // the issuer holds the personas' secret; the services hold the data keys: neither gets the other's
        Map<String, String> serviceSecrets = new LinkedHashMap<>(secrets);
        serviceSecrets.remove(PlatformSecrets.ISSUER_DEMO_SECRET);
        if (builder.issuer != null) {
            int port = FreePorts.orPick(builder.issuer.port());
            this.issuerUrl = "http://localhost:" + port;
            this.issuer = childJvm(builder.issuer, port, List.of(
                            "--platform.issuer.url=" + issuerUrl,
                            "--platform.issuer.key-file=" + dataDir.resolve("issuer").resolve("signing-key.json")),
                    builder.jvmOptions,
                    Map.of(PlatformSecrets.ISSUER_DEMO_SECRET, secrets.get(PlatformSecrets.ISSUER_DEMO_SECRET)));
        } else {
            this.issuerUrl = null;
            this.issuer = null;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        builder.services.forEach(spec -> ports.put(spec.name(), FreePorts.orPick(spec.port())));
        // every service learns where the others are: audit-service's operator dashboard reads their metrics
        String metricSources = String.join(",", ports.values().stream().map(port -> "http://127.0.0.1:" + port)
                .toList());
        builder.services.forEach(spec -> services.put(spec.name(),
                process(spec, ports.get(spec.name()), metricSources, builder.jvmOptions, serviceSecrets)));
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts everything and returns once every service answers its health check; on failure stops what started. */
    public void start() {
        closed = false;
        long started = System.nanoTime();
        try {
            if (issuer != null) {
                // its JVM boots while MongoDB and Kafka start; the services wait until it answers
                progress.accept("Starting " + ISSUER + " at " + issuerUrl);
                issuer.start();
            }
            progress.accept("Starting MongoDB-wire server at " + mongo.connectionString()
                    + mongo.dataFile().map(file -> " (data in " + file + ")").orElse(" (in memory)"));
            mongo.start();
            progress.accept("Starting Kafka broker at " + broker.bootstrapServers());
            broker.start();
            if (issuer != null) {
                awaitHealthy(issuer, started);
            }
            progress.accept("Starting " + String.join(", ", services.keySet()));
            Parallel.forEach(services.values(), this::startAndAwait);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops one service (SIGTERM, then kill after 20 s), leaving the rest running. */
    public void stopService(String name) {
        service(name).stop();
    }

    /** Kills one service at once (SIGKILL), as a crash would, leaving the rest running. */
    public void killService(String name) {
        service(name).kill();
    }

    /** Starts one service again and waits until it is healthy. */
    public void startService(String name) {
        startAndAwait(service(name));
    }

    /** A service by name; the issuer, when set, is {@value #ISSUER}. */
    public ServiceProcess service(String name) {
        ServiceProcess service = issuer != null && ISSUER.equals(name) ? issuer : services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + "; known: " + services.keySet()
                    + (issuer != null ? " and " + ISSUER : ""));
        }
        return service;
    }

    /** The services, without the issuer. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public Optional<ServiceProcess> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** The issuer identifier ({@code http://localhost:<port>}), the iss of its tokens; only when an issuer is set. */
    public String issuerUrl() {
        if (issuerUrl == null) {
            throw new IllegalStateException("This platform runs no issuer; set one with Builder.issuer(...)");
        }
        return issuerUrl;
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        closed = true;
        List<ServiceProcess> processes = new ArrayList<>(services.values());
        issuer().ifPresent(processes::add);
        Parallel.forEach(processes, ServiceProcess::stop);
        broker.stop();
        mongo.stop();
    }

    private void startAndAwait(ServiceProcess service) {
        if (closed) {
            throw new IllegalStateException("Platform is closed; " + service.name() + " not started");
        }
        long started = System.nanoTime();
        service.start();
        awaitHealthy(service, started);
    }

    private void awaitHealthy(ServiceProcess service, long startedNanos) {
        service.waitUntilHealthy(healthTimeout);
        progress.accept(String.format("%s is up on %s (%.1f s)", service.name(), service.baseUrl(),
                (System.nanoTime() - startedNanos) / 1e9));
    }

    private ServiceProcess process(ServiceSpec spec, int port, String metricSources, List<String> jvmOptions,
            Map<String, String> secrets) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.data.mongodb.uri=" + mongo.connectionString(),
                "--platform.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--platform.ops.sources=" + metricSources));
        if (issuerUrl != null) {
            args.add("--platform.security.issuer-uri=" + issuerUrl);
        }
        return childJvm(spec, port, args, jvmOptions, secrets);
    }

    /** The spec's jar with --server.port, the platform's args, then the spec's own args; logging to logs/NAME.log. */
    private ServiceProcess childJvm(ServiceSpec spec, int port, List<String> platformArgs, List<String> jvmOptions,
            Map<String, String> environment) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.addAll(platformArgs);
        args.addAll(spec.extraArgs());
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dplatform.embedded=true");
        return ServiceProcess.builder(spec.name(), spec.jar(), port)
                .jvmOptions(options)
                .args(args)
                .environment(environment)
                .logFile(dataDir.resolve("logs").resolve(spec.name() + ".log"))
                .build();
    }

    public static final class Builder {

        private final Path dataDir;
        private int kafkaPort = EmbeddedKafkaBroker.DEFAULT_PORT;
        private int controllerPort = EmbeddedKafkaBroker.DEFAULT_CONTROLLER_PORT;
        private int mongoPort = EmbeddedMongo.DEFAULT_PORT;
        private boolean inMemoryMongo;
        private final List<ServiceSpec> services = new ArrayList<>();
        private ServiceSpec issuer;
        private List<String> jvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private Duration healthTimeout = Duration.ofMinutes(3);
        private Consumer<String> progress = log::info;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        /** Free ports for Kafka, its controller and MongoDB, for tests that run beside other platforms. */
        public Builder freePorts() {
            return kafkaPort(0).controllerPort(0).mongoPort(0);
        }

        /** MongoDB in memory instead of the H2 file in the data dir. */
        public Builder inMemoryMongo(boolean inMemory) {
            this.inMemoryMongo = inMemory;
            return this;
        }

        public Builder service(ServiceSpec service) {
            this.services.add(service);
            return this;
        }

        public Builder services(List<ServiceSpec> services) {
            this.services.addAll(services);
            return this;
        }

        public Builder service(String name, Path jar, int port, String... extraArgs) {
            return service(new ServiceSpec(name, jar, port, extraArgs));
        }

        /**
         * Runs the OIDC issuer from its jar on the port (0 = pick), with its signing key in the data dir; every service
         * then gets {@code --platform.security.issuer-uri} pointing at it.
         */
        public Builder issuer(Path jar, int port, String... extraArgs) {
            this.issuer = new ServiceSpec(ISSUER, jar, port, extraArgs);
            return this;
        }

        /** JVM options for every service; -Dplatform.embedded=true is always added. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = List.copyOf(jvmOptions);
            return this;
        }

        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
            return this;
        }

        /** Receives one line per start-up step; logs them at INFO by default. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** Creates the data dir (with a .gitignore of everything) and its secrets file when they are missing. */
        public PlatformLauncher build() {
            return new PlatformLauncher(this);
        }
    }
}
