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
}
