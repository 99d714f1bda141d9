package org.pve.caseplatform.benchmark;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on standard output, each stamped with the time since the benchmark began. */
final class Console {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String line) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        out.printf(Locale.ROOT, "[bench %02d:%02d:%02d] %s%n", seconds / 3600, seconds / 60 % 60, seconds % 60, line);
        out.flush();
    }

    void step(String format, Object... args) {
        step(String.format(Locale.ROOT, format, args));
    }

    void text(String text) {
        out.println(text);
        out.flush();
    }
}
