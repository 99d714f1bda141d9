package org.pve.caseplatform.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The keys the services encrypt and pseudonymise personal data with, and the issuer's demo secret (the one password
 * of every invented persona), generated once per data dir and kept in its {@value #FILE} (owner read/write only), so
 * a rerun on the same data dir can still decrypt what earlier runs stored and log in the same way. The demo secret is
 * also kept alone in {@value #DEMO_SECRET_FILE}, for {@code curl -u persona:$(cat ...)}.
 */
public final class PlatformSecrets {

    public static final String FILE = "secrets.properties";
    public static final String DEMO_SECRET_FILE = "issuer/demo-secret";
    public static final String KEYSTORE_MASTERKEY = "PLATFORM_KEYSTORE_MASTERKEY";
    public static final String PSEUDONYM_SECRET = "PLATFORM_PSEUDONYM_SECRET";
    public static final String ISSUER_DEMO_SECRET = "PLATFORM_ISSUER_DEMO_SECRET";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How each secret is made: key material as base64 of 32 bytes; the demo secret URL-safe, to type in a shell. */
    private static final Map<String, Supplier<String>> GENERATORS = generators();

    private PlatformSecrets() {
    }

    /** Reads the data dir's secrets, generating and saving any that are missing, and writes the demo secret file. */
    public static Map<String, String> loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties stored = read(file);
        Map<String, String> secrets = new LinkedHashMap<>();
        boolean generated = false;
        for (Map.Entry<String, Supplier<String>> secret : GENERATORS.entrySet()) {
            String value = stored.getProperty(secret.getKey());
            if (value == null || value.isBlank()) {
                value = secret.getValue().get();
                stored.setProperty(secret.getKey(), value);
                generated = true;
            }
            secrets.put(secret.getKey(), value);
        }
        if (generated) {
            writeOwnerOnly(file, writer -> stored.store(writer,
                    "Embedded platform secrets for this data dir: never commit or share"));
        }
        writeDemoSecret(demoSecretFile(dataDir), secrets.get(ISSUER_DEMO_SECRET));
        return Map.copyOf(secrets);
    }

    /** The file holding only the demo secret, without a line break. */
    public static Path demoSecretFile(Path dataDir) {
        return dataDir.resolve(DEMO_SECRET_FILE);
    }

    private static Map<String, Supplier<String>> generators() {
        Map<String, Supplier<String>> generators = new LinkedHashMap<>();
        generators.put(KEYSTORE_MASTERKEY, () -> Base64.getEncoder().encodeToString(randomBytes(32)));
        generators.put(PSEUDONYM_SECRET, () -> Base64.getEncoder().encodeToString(randomBytes(32)));
        generators.put(ISSUER_DEMO_SECRET,
                () -> Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24)));
        return generators;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void writeDemoSecret(Path file, String secret) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(secret)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        writeOwnerOnly(file, writer -> writer.write(secret));
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    /** Creates the file readable by its owner only before anything is written to it. */
    private static void writeOwnerOnly(Path file, Content content) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(file.getParent());
            if (posix && !Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }
}
