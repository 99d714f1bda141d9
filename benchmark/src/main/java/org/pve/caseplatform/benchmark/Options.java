package org.pve.caseplatform.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line. The defaults are the figures: case-history latency with 10,000 and 100,000 cases stored,
 * the in-memory row then the disk row; {@code --quick} is a smoke run of the same steps, small.
 */
record Options(int cases, int pacedCases, int threads, List<Integer> historyCases, int historySamples,
               int baselineRecords, List<Backend> backends, Path repoDir, Path jfrDir, boolean help) {

    static final String USAGE = """
            Usage: java -jar benchmark/target/benchmark-0.1.0-SNAPSHOT-exec.jar [options]
              --cases=N               lifecycle cases at full load (default 600; --quick 60)
              --paced-cases=N         lifecycle cases of the paced pass at 80% of the measured rate (default cases/2)
              --threads=N             client threads driving cases at full load (default 16)
              --history-cases=A,B     cases stored when case-history latency is measured (default 10000,100000)
              --history-samples=N     history GETs per size (default 300)
              --baseline-records=N    records and documents each raw baseline writes (default 20000)
              --rows=memory,disk      which MongoDB-wire backends to run, in order (default both)
              --repo-dir=DIR          the checkout with the services' exec jars (default .)
              --jfr=DIR               record every service JVM with Java Flight Recorder into DIR
              --quick                 a small smoke run of every step (60 cases, history at 300 and 600)""";

    enum Backend {
        MEMORY("in-memory"), DISK("disk (H2)");

        final String title;

        Backend(String title) {
            this.title = title;
        }
    }

    static Options parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int cases = quick ? 60 : 600;
        Integer paced = null;
        int threads = quick ? 8 : 16;
        List<Integer> history = quick ? List.of(300, 600) : List.of(10_000, 100_000);
        int samples = quick ? 40 : 300;
        int baseline = quick ? 3000 : 20_000;
        List<Backend> backends = List.of(Backend.MEMORY, Backend.DISK);
        Path repo = Path.of(".");
        Path jfr = null;
        boolean help = false;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--quick" -> { }
                case "--cases" -> cases = positive(arg, value);
                case "--paced-cases" -> paced = positive(arg, value);
                case "--threads" -> threads = positive(arg, value);
                case "--history-cases" -> history = sizes(arg, value);
                case "--history-samples" -> samples = positive(arg, value);
                case "--baseline-records" -> baseline = positive(arg, value);
                case "--rows" -> backends = backends(arg, value);
                case "--repo-dir" -> repo = Path.of(value);
                case "--jfr" -> jfr = Path.of(value).toAbsolutePath().normalize();
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new Options(cases, paced == null ? Math.max(1, cases / 2) : paced, threads, history, samples,
                baseline, backends, repo.toAbsolutePath().normalize(), jfr, help);
    }

    private static int positive(String arg, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(arg + ": expected a whole number above 0");
    }

    private static List<Integer> sizes(String arg, String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : value.split(",")) {
            sizes.add(positive(arg, size.strip()));
        }
        return sizes.stream().sorted().distinct().toList();
    }

    private static List<Backend> backends(String arg, String value) {
        List<Backend> backends = new ArrayList<>();
        for (String name : value.split(",")) {
            switch (name.strip()) {
                case "memory" -> backends.add(Backend.MEMORY);
                case "disk" -> backends.add(Backend.DISK);
                default -> throw new IllegalArgumentException(arg + ": expected memory and/or disk, not " + name);
            }
        }
        return List.copyOf(backends);
    }
}
