package org.pve.caseplatform.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.pve.caseplatform.embedded.EmbeddedKafkaBroker;
import org.pve.caseplatform.embedded.EmbeddedMongo;
import org.pve.caseplatform.embedded.FreePorts;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker and one MongoDB-wire server for all the tests of a JVM: starting them costs seconds on two
 * cores, so test classes share them and keep apart by using their own databases and invented cases. Both run inside
 * the test JVM and end with it; they are not stopped by a shutdown hook, which would race the Spring contexts'
 * own shutdown (a relay releasing its lease on a server already gone).
 */
public final class TestInfrastructure {

    private static EmbeddedMongo mongo;
    private static EmbeddedKafkaBroker kafka;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.inMemory(0);
            mongo.start();
        }
        return mongo;
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("test-kafka");
                kafka = new EmbeddedKafkaBroker(dir, FreePorts.pick(), FreePorts.pick());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka.start();
        }
        return kafka;
    }

    /**
     * Points a Spring Boot test at the shared infrastructure, with a database of its own, fresh secrets, and the
     * test issuer of {@link TestTokens}.
     */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        String database = databasePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.data.mongodb.uri", () -> mongo().connectionString());
        registry.add("spring.data.mongodb.database", () -> database);
        registry.add("platform.keystore.database", () -> database + "-keys");
        registry.add("platform.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("platform.keystore.master-key", TestInfrastructure::randomKey);
        registry.add("platform.pseudonym.secret", TestInfrastructure::randomKey);
        registry.add("server.port", () -> "0");
        TestTokens.register(registry);
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
