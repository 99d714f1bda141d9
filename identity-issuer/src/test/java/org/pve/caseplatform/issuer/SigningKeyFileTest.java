package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedOwnerOnlyOnFirstUseAndReadBackAfterwards() throws Exception {
        Path file = dir.resolve("issuer/signing-key.json");

        RSAKey created = SigningKeyFile.loadOrCreate(file);
        RSAKey reused = SigningKeyFile.loadOrCreate(file);

        assertThat(created.size()).isEqualTo(2048);
        assertThat(created.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(created.getKeyID()).isEqualTo(created.computeThumbprint().toString());
        assertThat(reused).isEqualTo(created);
        assertThat(reused.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file.getParent().toFile().list()).containsExactly("signing-key.json");
    }

    @Test
    void aFileThatIsNotAPrivateKeyIsRefusedRatherThanReplaced() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, SigningKeyFile.loadOrCreate(dir.resolve("other.json")).toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("is not a private RSA JWK");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file)).hasMessageContaining("is not a JWK");
    }
}
