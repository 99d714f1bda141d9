package org.pve.caseplatform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.pve.caseplatform.embedded.ServiceProcess;

/**
 * Each service JVM's resident memory from {@code /proc/<pid>/status}: VmRSS sampled twice a second (its peak kept)
 * and VmHWM, the kernel's own high-water mark, read when asked. Linux only; elsewhere the figures stay empty.
 */
final class MemorySampler implements AutoCloseable {

    static final String SELF = "benchmark JVM (broker, MongoDB-wire server, clients)";
    private static final long PERIOD_MILLIS = 500;

    private final List<ServiceProcess> processes;
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    MemorySampler(List<ServiceProcess> processes) {
        this.processes = List.copyOf(processes);
        this.sampler = new Thread(this::sample, "bench-memory-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** The highest VmRSS sampled per process, in bytes. */
    Map<String, Long> peakSampled() {
        return Map.copyOf(peakRss);
    }

    /** VmHWM per process now, in bytes, the benchmark's own JVM last. */
    Map<String, Long> highWaterMarks() {
        Map<String, Long> marks = new LinkedHashMap<>();
        for (ServiceProcess process : processes) {
            OptionalLong pid = process.pid();
            if (pid.isPresent()) {
                statusValue(Path.of("/proc", Long.toString(pid.getAsLong()), "status"), "VmHWM:")
                        .ifPresent(bytes -> marks.put(process.name(), bytes));
            }
        }
        statusValue(Path.of("/proc/self/status"), "VmHWM:").ifPresent(bytes -> marks.put(SELF, bytes));
        return marks;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    private void sample() {
        while (running) {
            for (ServiceProcess process : processes) {
                OptionalLong pid = process.pid();
                if (pid.isPresent()) {
                    statusValue(Path.of("/proc", Long.toString(pid.getAsLong()), "status"), "VmRSS:")
                            .ifPresent(bytes -> peakRss.merge(process.name(), bytes, Math::max));
                }
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A "Name:   123 kB" line of a /proc status file, in bytes. */
    static OptionalLong statusValue(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return parseKilobytes(line.substring(field.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc here
        }
        return OptionalLong.empty();
    }

    static OptionalLong parseKilobytes(String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
            return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
        return OptionalLong.empty();
    }
}
