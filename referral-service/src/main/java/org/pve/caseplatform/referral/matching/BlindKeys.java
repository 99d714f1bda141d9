package org.pve.caseplatform.referral.matching;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a subject's names and date of birth into {@link NameKeys}: HMAC-SHA-256 under a key derived from the
 * pseudonym secret with a label of its own, so the match index holds no readable names and its keys cannot be
 * compared with subjectRefs or with another platform's.
 */
public class BlindKeys {

    private static final String DERIVATION_LABEL = "referral-service:name-keys:v1";

    private final SecretKeySpec key;

    public BlindKeys(byte[] pseudonymSecret) {
        if (pseudonymSecret.length < 32) {
            throw new IllegalArgumentException("the pseudonym secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(mac(new SecretKeySpec(pseudonymSecret, "HmacSHA256"), DERIVATION_LABEL),
                "HmacSHA256");
    }

    public NameKeys of(String givenNames, String familyName, LocalDate dateOfBirth) {
        List<String> familyParts = NameFolding.parts(familyName);
        return new NameKeys(skeletons(NameFolding.parts(givenNames)), skeletons(familyParts),
                hash("given-written:" + NameFolding.written(givenNames)),
                hash("family-written:" + NameFolding.written(familyName)), familyParts.size(),
                dateOfBirth == null ? null : hash("dob:" + dateOfBirth));
    }

    private List<String> skeletons(List<String> parts) {
        return parts.stream().map(part -> hash("name-key:" + NameFolding.skeleton(part))).distinct().toList();
    }

    private String hash(String value) {
        return HexFormat.of().formatHex(mac(key, value), 0, 16);
    }

    private static byte[] mac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
