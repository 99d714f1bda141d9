package org.pve.caseplatform.support.crypto;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * Encrypts personal fields with a key per subject (AES-256-GCM). The subject keys live in the platform's key store,
 * each wrapped by the master key from configuration; deleting a subject's key (crypto-shredding) makes every copy
 * of that person's fields unreadable, wherever the events went. Keys are not cached: a key destroyed by one service
 * opens nothing in any other from the very next read.
 */
public class PersonalDataVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String WRAPPED_KEY = "wrappedKey";
    private static final String SUCCESSOR = "successor";
    private static final String DESTROYED_AT = "destroyedAt";

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

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
        ActiveKey active = activeKey(keyRef);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, active.key(), iv, active.keyRef(),
                plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder base64 = Base64.getEncoder();
        return EncryptedValue.of(active.keyRef(), base64.encodeToString(iv), base64.encodeToString(ciphertext));
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

    /**
     * Destroys a person's key for good (crypto-shredding): its key material is deleted, and every value encrypted
     * with it, in every store, topic and copy, can no longer be decrypted. A tombstone without key material stays
     * under the keyRef, so that anything encrypted for the same keyRef later (a new referral about the person) gets
     * a new key under a successor keyRef and never a key that could be mistaken for the destroyed one. Keys made
     * for successors are destroyed with it. Returns whether any key material was destroyed.
     */
    public boolean destroy(String keyRef) {
        boolean destroyed = false;
        String current = keyRef;
        while (current != null) {
            Document stored = keys.find(Filters.eq("_id", current)).first();
            if (stored == null) {
                break;
            }
            destroyed |= stored.containsKey(WRAPPED_KEY);
            String next = stored.getString(SUCCESSOR);
            if (current.equals(keyRef)) {
                keys.replaceOne(Filters.eq("_id", keyRef), new Document("_id", keyRef)
                        .append(DESTROYED_AT, clock.instant().toString()));
            } else {
                keys.deleteOne(Filters.eq("_id", current));
            }
            current = next;
        }
        return destroyed;
    }

    /** Whether key material exists for the keyRef (created and not destroyed). */
    public boolean holdsKey(String keyRef) {
        Document stored = keys.find(Filters.eq("_id", keyRef)).first();
        return stored != null && stored.containsKey(WRAPPED_KEY);
    }

    /** The key new values for the keyRef are encrypted with, and its keyRef: a successor's after a tombstone. */
    private ActiveKey activeKey(String keyRef) {
        Document stored = keys.find(Filters.eq("_id", keyRef)).first();
        if (stored == null) {
            return new ActiveKey(keyRef, createKey(keyRef));
        }
        if (stored.containsKey(WRAPPED_KEY)) {
            return new ActiveKey(keyRef, unwrap(keyRef, stored));
        }
        String successor = stored.getString(SUCCESSOR);
        if (successor == null) {
            keys.updateOne(Filters.and(Filters.eq("_id", keyRef), Filters.exists(SUCCESSOR, false)),
                    Updates.set(SUCCESSOR, keyRef + "~" + UUID.randomUUID().toString().substring(0, 8)));
            successor = keys.find(Filters.eq("_id", keyRef)).first().getString(SUCCESSOR);
        }
        return activeKey(successor);
    }

    private record ActiveKey(String keyRef, SecretKey key) {
    }

    private Optional<SecretKey> existingKey(String keyRef) {
        Document stored = keys.find(Filters.eq("_id", keyRef)).first();
        if (stored == null || !stored.containsKey(WRAPPED_KEY)) {
            return Optional.empty();
        }
        return Optional.of(unwrap(keyRef, stored));
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
                    .append(WRAPPED_KEY, base64.encodeToString(wrapped))
                    .append("createdAt", clock.instant().toString()));
            return new SecretKeySpec(raw, "AES");
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
                base64.decode(stored.getString(WRAPPED_KEY)));
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
