package org.pve.caseplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A Spring Boot service run as a child JVM from its jar ({@code java <jvmOptions> -jar <jar> <args>}). */
public final class ServiceProcess {

    /** Sized for four service JVMs sharing two cores. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // a JVM that ends without stopping its services must not leave them holding their ports
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "service-reaper"));
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process process;

    private ServiceProcess(Builder builder) {
        this.name = builder.name;
        this.jar = builder.jar.toAbsolutePath();
        this.port = builder.port;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.args = List.copyOf(builder.args);
        this.environment = Map.copyOf(builder.environment);
        this.logFile = builder.logFile.toAbsolutePath();
    }

    /** The port is the service's HTTP port, where its health is polled; pass it in the args as well. */
    public static Builder builder(String name, Path jar, int port) {
        return new Builder(name, jar, port);
    }

    /** Launches the JVM, appending its stdout and stderr to the log file; does not wait for it to be healthy. */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        List<String> command = command();
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Polls /actuator/health until it answers 200 with UP; fails at once, with the log tail, if the JVM ends. */
    public void waitUntilHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy()) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                String exit = current == null ? "was not started" : "exited with code " + current.exitValue();
                throw new IllegalStateException(name + " " + exit + "; log " + logFile + " ends with:\n" + logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s at "
                        + healthUrl() + "; log " + logFile + " ends with:\n" + logTail());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** One probe of /actuator/health. */
    public boolean isHealthy() {
        return HealthProbe.isUp(healthUrl());
    }

    /** Sends SIGTERM, waits up to 20 s for a graceful exit, then kills. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the JVM at once (SIGKILL), as a crash would. */
    public synchronized void kill() {
        end(true);
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public String name() {
        return name;
    }

    /** The operating system's id of the running JVM (to read its memory in /proc), or empty when none runs. */
    public OptionalLong pid() {
        Process current = process;
        return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log file, for failure messages. */
    public String logTail() {
        return LogTail.of(logFile, 40);
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private void end(boolean forcibly) {
        Process current = process;
        if (current == null) {
            return;
        }
        if (forcibly) {
            current.destroyForcibly();
        } else {
            current.destroy();
        }
        if (!waitFor(current, STOP_TIMEOUT)) {
            current.destroyForcibly();
            waitFor(current, STOP_TIMEOUT);
        }
        RUNNING.remove(current);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public static final class Builder {

        private final String name;
        private final Path jar;
        private final int port;
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private List<String> args = List.of();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path logFile;

        private Builder(String name, Path jar, int port) {
            this.name = name;
            this.jar = jar;
            this.port = port;
            this.logFile = Path.of(name + ".log");
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
            return this;
        }

        public Builder args(List<String> args) {
            this.args = args;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }
    }
}
