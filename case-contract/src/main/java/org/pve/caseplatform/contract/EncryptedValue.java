package org.pve.caseplatform.contract;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A personal field as it travels in events and topics: ciphertext under the key named by {@code keyRef}
 * (the subject's pseudonym, or the case's key when the subject is unknown). Once the key is erased the field
 * reads {@code {"erased": true}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record EncryptedValue(String keyRef, String alg, String iv, String ciphertext, Boolean erased) {

    public static final String AES_256_GCM = "AES-256-GCM";

    public static EncryptedValue of(String keyRef, String iv, String ciphertext) {
        return new EncryptedValue(keyRef, AES_256_GCM, iv, ciphertext, null);
    }

    public static EncryptedValue erasedValue() {
        return new EncryptedValue(null, null, null, null, Boolean.TRUE);
    }

    public boolean isErased() {
        return Boolean.TRUE.equals(erased);
    }
}
