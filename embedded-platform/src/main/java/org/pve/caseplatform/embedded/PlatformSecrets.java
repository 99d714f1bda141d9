package org.pve.caseplatform.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The keys the services encrypt and pseudonymise personal data with, generated once per data dir and kept in its
 * {@value #FILE} (owner read/write only), so a rerun on the same data dir can still decrypt what earlier runs stored.
 */
public final class PlatformSecrets {

    public static final String FILE = "secrets.properties";
    public static final String KEYSTORE_MASTERKEY = "PLATFORM_KEYSTORE_MASTERKEY";
    public static final String PSEUDONYM_SECRET = "PLATFORM_PSEUDONYM_SECRET";
    private static final List<String> NAMES = List.of(KEYSTORE_MASTERKEY, PSEUDONYM_SECRET);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PlatformSecrets() {
    }

    /** Reads the data dir's secrets, generating (base64 of 32 random bytes) and saving any that are missing. */
    public static Map<String, String> loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties stored = read(file);
        Map<String, String> secrets = new LinkedHashMap<>();
        boolean generated = false;
        for (String name : NAMES) {
            String value = stored.getProperty(name);
            if (value == null || value.isBlank()) {
                value = randomKey();
                stored.setProperty(name, value);
                generated = true;
            }
            secrets.put(name, value);
        }
        if (generated) {
            write(file, stored);
        }
        return Map.copyOf(secrets);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
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

    private static void write(Path file, Properties properties) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(file.getParent());
            if (posix && !Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Embedded platform secrets for this data dir: never commit or share");
            }
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
