package org.pve.caseplatform.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAreGeneratedOnceAndReadBackOnTheNextRun() {
        Map<String, String> first = PlatformSecrets.loadOrCreate(dataDir);
        Map<String, String> second = PlatformSecrets.loadOrCreate(dataDir);

        assertThat(second).isEqualTo(first);
        assertThat(first).containsOnlyKeys(PlatformSecrets.KEYSTORE_MASTERKEY, PlatformSecrets.PSEUDONYM_SECRET);
        assertThat(first.get(PlatformSecrets.KEYSTORE_MASTERKEY))
                .isNotEqualTo(first.get(PlatformSecrets.PSEUDONYM_SECRET));
        first.values().forEach(value -> assertThat(Base64.getDecoder().decode(value)).hasSize(32));
    }

    @Test
    void theSecretsFileIsReadableByItsOwnerOnly() throws Exception {
        PlatformSecrets.loadOrCreate(dataDir);

        Path file = dataDir.resolve(PlatformSecrets.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anotherDataDirGetsOtherSecrets() {
        Map<String, String> one = PlatformSecrets.loadOrCreate(dataDir.resolve("one"));
        Map<String, String> other = PlatformSecrets.loadOrCreate(dataDir.resolve("other"));

        assertThat(other.get(PlatformSecrets.KEYSTORE_MASTERKEY))
                .isNotEqualTo(one.get(PlatformSecrets.KEYSTORE_MASTERKEY));
    }
}
