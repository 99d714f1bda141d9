package org.pve.caseplatform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A MongoDB-wire server (mongo-java-server) run in this JVM, either in memory (data gone at stop) or on an H2 file
 * that keeps the data across restarts. It answers queries by scanning except on {@code _id} and unique indexes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final int DEFAULT_PORT = 27017;
    public static final String DATA_FILE = "mongo.mv.db";
    private static final String HOST = "127.0.0.1";

    private final Path file;
    private final int port;
    private MongoServer server;

    private EmbeddedMongo(Path file, int port) {
        this.file = file;
        this.port = FreePorts.orPick(port);
    }

    /** A port of 0 picks a free port once, here, so the connection string stays valid across restarts. */
    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(null, port);
    }

    /** Keeps the data in {@value #DATA_FILE} in the given dir. */
    public static EmbeddedMongo persistent(Path dataDir, int port) {
        return new EmbeddedMongo(dataDir.toAbsolutePath().resolve(DATA_FILE), port);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        MongoServer starting = new MongoServer(backend());
        starting.bind(HOST, port);
        server = starting;
    }

    /** Stops listening and closes the backend, which flushes the H2 file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The H2 file, or empty when in memory. */
    public Optional<Path> dataFile() {
        return Optional.ofNullable(file);
    }

    private MongoBackend backend() {
        if (file == null) {
            return new MemoryBackend();
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create MongoDB data dir " + file.getParent(), e);
        }
        return new H2Backend(file.toString());
    }
}
