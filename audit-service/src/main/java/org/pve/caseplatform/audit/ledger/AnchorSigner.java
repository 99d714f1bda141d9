package org.pve.caseplatform.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs chain heads with HMAC-SHA256 under a key from configuration, never stored in MongoDB: whoever can write to
 * the database cannot forge an anchor for a rewritten chain.
 */
public final class AnchorSigner {

    static final String DERIVATION_LABEL = "pve-case-platform/audit-ledger-anchor/v1";

    private final SecretKeySpec key;

    public AnchorSigner(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an anchor key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /**
     * The configured anchor key (base64) or, when none is set, one derived from the keystore master key with a label
     * of its own, so the vault's key is never used as is for anything else.
     */
    public static AnchorSigner fromConfiguration(String anchorKey, String masterKey) {
        if (anchorKey != null && !anchorKey.isBlank()) {
            return new AnchorSigner(Base64.getDecoder().decode(anchorKey.trim()));
        }
        if (masterKey != null && !masterKey.isBlank()) {
            return new AnchorSigner(hmac(Base64.getDecoder().decode(masterKey.trim()),
                    DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8)));
        }
        throw new IllegalStateException(
                "set platform.audit.anchor-key (or platform.keystore.master-key to derive it from)");
    }

    public String sign(String chain, long position, String hash, Instant signedAt) {
        return Base64.getEncoder().encodeToString(mac(payload(chain, position, hash, signedAt)));
    }

    public boolean verify(String chain, long position, String hash, Instant signedAt, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(mac(payload(chain, position, hash, signedAt)),
                    Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] payload(String chain, long position, String hash, Instant signedAt) {
        return (chain + "\n" + position + "\n" + hash + "\n" + signedAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
