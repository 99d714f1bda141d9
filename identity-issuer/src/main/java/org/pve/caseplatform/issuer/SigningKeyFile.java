package org.pve.caseplatform.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/**
 * The issuer's RS256 signing key as a private JWK in one file, so tokens stay verifiable across restarts: created on
 * the first start (RSA 2048, kid = its RFC 7638 thumbprint, owner read/write only) and read back afterwards.
 */
final class SigningKeyFile {

    static final int KEY_SIZE = 2048;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    static RSAKey loadOrCreate(Path file) {
        return Files.exists(file) ? read(file) : create(file);
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate() || key.getKeyID() == null || key.size() < KEY_SIZE) {
                throw new IllegalStateException("Signing key " + file + " is not a private RSA JWK of at least "
                        + KEY_SIZE + " bits with a kid; move it away to have a new key created");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + file + " is not a JWK (" + e.getMessage()
                    + "); move it away to have a new key created", e);
        }
    }

    private static RSAKey create(Path file) {
        RSAKey key = generate();
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            // written beside the target and moved into place, so a crash never leaves half a key behind
            Path temp = Files.createTempFile(dir, ".signing-key", ".tmp", ownerOnly());
            Files.writeString(temp, key.toJSONString());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write signing key " + file, e);
        }
        return key;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
