package org.pve.caseplatform.support.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * Encrypts personal fields with a key per subject (AES-256-GCM). The subject keys live in the platform's key store,
 * each wrapped by the master key from configuration; deleting a subject's key (crypto-shredding) makes every copy
 * of that person's fields unreadable, wherever the events went.
 */
public class PersonalDataVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> cache = new ConcurrentHashMap<>();

    public PersonalDataVault(MongoCollection<Document> keys, byte[] masterKey, Clock clock) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the key-store master key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.keys = keys;
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.clock = clock;
    }

    public EncryptedValue encrypt(String keyRef, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, subjectKey(keyRef), iv, keyRef,
                plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return EncryptedValue.of(keyRef, base64.encodeToString(iv), base64.encodeToString(ciphertext));
    }

    /** The plaintext, or empty when the field was erased or its key no longer exists. */
    public Optional<String> decrypt(EncryptedValue value) {
        if (value == null || value.isErased() || value.keyRef() == null) {
            return Optional.empty();
        }
        return existingKey(value.keyRef()).map(key -> new String(crypt(Cipher.DECRYPT_MODE, key,
                Base64.getDecoder().decode(value.iv()), value.keyRef(),
                Base64.getDecoder().decode(value.ciphertext())), StandardCharsets.UTF_8));
    }

    private SecretKey subjectKey(String keyRef) {
        return existingKey(keyRef).orElseGet(() -> createKey(keyRef));
    }

    private Optional<SecretKey> existingKey(String keyRef) {
        SecretKey cached = cache.get(keyRef);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document stored = keys.find(Filters.eq("_id", keyRef)).first();
        if (stored == null) {
            return Optional.empty();
        }
        SecretKey key = unwrap(keyRef, stored);
        cache.put(keyRef, key);
        return Optional.of(key);
    }

    private SecretKey createKey(String keyRef) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, masterKey, iv, keyRef, raw);
        Base64.Encoder base64 = Base64.getEncoder();
        try {
            keys.insertOne(new Document("_id", keyRef).append("iv", base64.encodeToString(iv))
                    .append("wrappedKey", base64.encodeToString(wrapped))
                    .append("createdAt", clock.instant().toString()));
            SecretKey key = new SecretKeySpec(raw, "AES");
            cache.put(keyRef, key);
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return existingKey(keyRef).orElseThrow();
            }
            throw e;
        }
    }

    private SecretKey unwrap(String keyRef, Document stored) {
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] raw = crypt(Cipher.DECRYPT_MODE, masterKey, base64.decode(stored.getString("iv")), keyRef,
                base64.decode(stored.getString("wrappedKey")));
        return new SecretKeySpec(raw, "AES");
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String keyRef, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyRef.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal-data cipher failed for key " + keyRef, e);
        }
    }
}
