package org.pve.caseplatform.support.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives {@code subjectRef}, a keyed hash (HMAC-SHA-256) of the normalised identity: referrals about the same person
 * share it, and nobody without the secret can turn it back into a name.
 */
public class Pseudonymiser {

    private final SecretKeySpec secret;

    public Pseudonymiser(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the pseudonym secret must be at least 32 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String subjectRef(String givenNames, String familyName, LocalDate dateOfBirth) {
        String identity = normalise(givenNames) + "|" + normalise(familyName) + "|"
                + (dateOfBirth == null ? "" : dateOfBirth.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return "sub-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Lower case, accents removed, hyphens and runs of spaces folded to one space. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('-', ' ').trim().replaceAll("\\s+", " ");
    }
}
