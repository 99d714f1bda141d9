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
        assertThat(first).containsOnlyKeys(PlatformSecrets.KEYSTORE_MASTERKEY, PlatformSecrets.PSEUDONYM_SECRET,
                PlatformSecrets.ISSUER_DEMO_SECRET);
        assertThat(first.get(PlatformSecrets.KEYSTORE_MASTERKEY))
                .isNotEqualTo(first.get(PlatformSecrets.PSEUDONYM_SECRET));
        assertThat(Base64.getDecoder().decode(first.get(PlatformSecrets.KEYSTORE_MASTERKEY))).hasSize(32);
        assertThat(Base64.getDecoder().decode(first.get(PlatformSecrets.PSEUDONYM_SECRET))).hasSize(32);
    }

    @Test
    void theDemoSecretIsUrlSafeAndAlsoKeptAloneInItsOwnFileForCurl() throws Exception {
        String secret = PlatformSecrets.loadOrCreate(dataDir).get(PlatformSecrets.ISSUER_DEMO_SECRET);

        assertThat(secret).matches("[A-Za-z0-9_-]{32}");
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(24);
        Path file = PlatformSecrets.demoSecretFile(dataDir);
        assertThat(file).isEqualTo(dataDir.resolve("issuer/demo-secret"));
        assertThat(Files.readString(file)).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dataDir.resolve(PlatformSecrets.FILE)).content().contains("PLATFORM_ISSUER_DEMO_SECRET=" + secret);
    }

    @Test
    void aDataDirFromBeforeTheIssuerKeepsItsKeysAndGainsADemoSecret() throws Exception {
        Files.writeString(dataDir.resolve(PlatformSecrets.FILE),
                "PLATFORM_KEYSTORE_MASTERKEY=a2V5\nPLATFORM_PSEUDONYM_SECRET=c2VjcmV0\n");

        Map<String, String> secrets = PlatformSecrets.loadOrCreate(dataDir);

        assertThat(secrets).containsEntry(PlatformSecrets.KEYSTORE_MASTERKEY, "a2V5")
                .containsEntry(PlatformSecrets.PSEUDONYM_SECRET, "c2VjcmV0");
        assertThat(Files.readString(PlatformSecrets.demoSecretFile(dataDir)))
                .isEqualTo(secrets.get(PlatformSecrets.ISSUER_DEMO_SECRET));
        assertThat(PlatformSecrets.loadOrCreate(dataDir)).isEqualTo(secrets);
    }

    @Test
    void aDeletedDemoSecretFileIsWrittenAgainWithTheStoredSecret() throws Exception {
        String secret = PlatformSecrets.loadOrCreate(dataDir).get(PlatformSecrets.ISSUER_DEMO_SECRET);
        Files.delete(PlatformSecrets.demoSecretFile(dataDir));

        PlatformSecrets.loadOrCreate(dataDir);

        assertThat(Files.readString(PlatformSecrets.demoSecretFile(dataDir))).isEqualTo(secret);
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
