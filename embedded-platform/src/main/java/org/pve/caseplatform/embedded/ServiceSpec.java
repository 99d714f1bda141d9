package org.pve.caseplatform.embedded;

import java.nio.file.Path;
import java.util.List;

/** A service for the {@link PlatformLauncher} to run: its name, executable jar, HTTP port (0 = pick) and extra args. */
public record ServiceSpec(String name, Path jar, int port, List<String> extraArgs) {

    public ServiceSpec {
        extraArgs = List.copyOf(extraArgs);
    }

    public ServiceSpec(String name, Path jar, int port, String... extraArgs) {
        this(name, jar, port, List.of(extraArgs));
    }

    /**
     * One more instance of this service: the same jar and args, named {@code <name>-<number>}, on a port of its own
     * (picked) and so with a log of its own. Its database name comes from the jar's configuration, not from the
     * process name, so it shares the first instance's database and consumer groups, as a scaled-out service does.
     */
    public ServiceSpec instance(int number) {
        if (number < 2) {
            throw new IllegalArgumentException("instance numbers start at 2 (the first is " + name + "): " + number);
        }
        return new ServiceSpec(name + "-" + number, jar, 0, extraArgs);
    }
}
