package org.pve.caseplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates a platform data dir with a .gitignore of everything in it, so its data and secrets are never committed. */
final class DataDir {

    private DataDir() {
    }

    static Path prepare(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path ignore = dir.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(ignore, "# runtime data and secrets of the embedded platform: never commit\n*\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data dir " + dir, e);
        }
        return dir;
    }
}
