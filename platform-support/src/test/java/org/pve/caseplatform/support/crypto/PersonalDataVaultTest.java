package org.pve.caseplatform.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.support.testing.TestInfrastructure;

class PersonalDataVaultTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static MongoClient client;
    private static MongoDatabase database;

    private MongoCollection<Document> keys;
    private byte[] masterKey;
    private PersonalDataVault vault;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = client.getDatabase("vault-test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void disconnect() {
        database.drop();
        client.close();
    }

    @BeforeEach
    void setUp() {
        keys = database.getCollection("subjectKeys-" + UUID.randomUUID().toString().substring(0, 8));
        masterKey = randomBytes(32);
        vault = new PersonalDataVault(keys, masterKey, CLOCK);
    }

    @Test
    void aValueDecryptsToWhatWasEncrypted() {
        String keyRef = subject();

        EncryptedValue value = vault.encrypt(keyRef, "Jørgen Müller-Hansen, født 2009 — ☂");

        assertThat(value.keyRef()).isEqualTo(keyRef);
        assertThat(value.alg()).isEqualTo(EncryptedValue.AES_256_GCM);
        assertThat(value.isErased()).isFalse();
        assertThat(value.ciphertext()).doesNotContain("Jørgen").doesNotContain("Müller");
        assertThat(vault.decrypt(value)).contains("Jørgen Müller-Hansen, født 2009 — ☂");
    }

    @Test
    void aValueDecryptsInAnotherVaultWithTheSameMasterKey() {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");

        PersonalDataVault restarted = new PersonalDataVault(keys, masterKey.clone(), CLOCK);

        assertThat(restarted.decrypt(value)).contains("Anna Jensen");
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTime() {
        String keyRef = subject();

        EncryptedValue first = vault.encrypt(keyRef, "Anna Jensen");
        EncryptedValue second = vault.encrypt(keyRef, "Anna Jensen");

        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void nothingToEncryptGivesNoValue() {
        assertThat(vault.encrypt(subject(), null)).isNull();
        assertThat(vault.decrypt(null)).isEmpty();
        assertThat(keys.countDocuments()).isZero();
    }

    @Test
    void valuesUnderTheSameKeyRefShareOneStoredKey() {
        String keyRef = PersonalDataKeys.keyRefFor(null, UUID.randomUUID());

        EncryptedValue name = vault.encrypt(keyRef, "Anna Jensen");
        EncryptedValue summary = new PersonalDataVault(keys, masterKey, CLOCK).encrypt(keyRef, "worried teacher");
        EncryptedValue other = vault.encrypt(subject(), "Ole Hansen");

        assertThat(keys.countDocuments(Filters.eq("_id", keyRef))).isEqualTo(1);
        assertThat(keys.countDocuments()).isEqualTo(2);
        assertThat(vault.decrypt(name)).contains("Anna Jensen");
        assertThat(vault.decrypt(summary)).contains("worried teacher");
        assertThat(vault.decrypt(other)).contains("Ole Hansen");
    }

    @Test
    void theStoredKeyIsWrappedByTheMasterKey() throws Exception {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");

        Document stored = keys.find(Filters.eq("_id", keyRef)).first();

        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "iv", "wrappedKey", "createdAt");
        assertThat(stored.getString("createdAt")).isEqualTo(NOW.toString());
        byte[] wrapped = Base64.getDecoder().decode(stored.getString("wrappedKey"));
        assertThat(wrapped).hasSize(32 + 16);
        assertThatThrownBy(() -> decryptWith(Arrays.copyOf(wrapped, 32), value))
                .as("the stored bytes are not the subject key itself")
                .isInstanceOf(AEADBadTagException.class);
        byte[] unwrapped = gcm(Cipher.DECRYPT_MODE, masterKey, Base64.getDecoder().decode(stored.getString("iv")),
                keyRef, wrapped);
        assertThat(decryptWith(unwrapped, value)).isEqualTo("Anna Jensen");
    }

    @Test
    void anotherMasterKeyCannotUnwrapTheStoredKey() {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");

        PersonalDataVault wrongMaster = new PersonalDataVault(keys, randomBytes(32), CLOCK);

        assertThatThrownBy(() -> wrongMaster.decrypt(value))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(keyRef)
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void deletingTheKeyShredsEveryCopyOfTheValue() {
        String keyRef = subject();
        EncryptedValue name = vault.encrypt(keyRef, "Anna Jensen");
        EncryptedValue summary = vault.encrypt(keyRef, "worried teacher");
        EncryptedValue otherSubject = vault.encrypt(subject(), "Ole Hansen");

        keys.deleteOne(Filters.eq("_id", keyRef));
        PersonalDataVault afterErasure = new PersonalDataVault(keys, masterKey, CLOCK);

        assertThat(afterErasure.decrypt(name)).isEmpty();
        assertThat(afterErasure.decrypt(summary)).isEmpty();
        assertThat(afterErasure.decrypt(otherSubject)).contains("Ole Hansen");
    }

    @Test
    void aNewValueAfterErasureGetsAFreshKeyThatCannotReadTheOldOnes() {
        String keyRef = subject();
        EncryptedValue before = vault.encrypt(keyRef, "Anna Jensen");
        keys.deleteOne(Filters.eq("_id", keyRef));
        PersonalDataVault afterErasure = new PersonalDataVault(keys, masterKey, CLOCK);

        EncryptedValue after = afterErasure.encrypt(keyRef, "Anna Jensen (new referral)");

        assertThat(afterErasure.decrypt(after)).contains("Anna Jensen (new referral)");
        assertThatThrownBy(() -> afterErasure.decrypt(before))
                .as("the old ciphertext stays unreadable under the new key")
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aDestroyedKeyLeavesNoKeyMaterialAndItsValuesDecryptToNothingInAnyVault() {
        String keyRef = subject();
        EncryptedValue name = vault.encrypt(keyRef, "Anna Jensen");
        PersonalDataVault otherService = new PersonalDataVault(keys, masterKey, CLOCK);
        assertThat(otherService.decrypt(name)).contains("Anna Jensen");

        assertThat(vault.destroy(keyRef)).isTrue();

        assertThat(vault.holdsKey(keyRef)).isFalse();
        assertThat(keys.find(Filters.eq("_id", keyRef)).first()).doesNotContainKey("wrappedKey");
        assertThat(otherService.decrypt(name)).as("no cache keeps the key alive elsewhere").isEmpty();
        assertThat(vault.decrypt(name)).isEmpty();
    }

    @Test
    void afterDestructionNewValuesGetASuccessorKeyAndDestroyingAgainReachesItToo() {
        String keyRef = subject();
        EncryptedValue before = vault.encrypt(keyRef, "Anna Jensen");
        vault.destroy(keyRef);

        EncryptedValue after = vault.encrypt(keyRef, "Anna Jensen (new referral)");

        assertThat(after.keyRef()).startsWith(keyRef + "~");
        assertThat(vault.decrypt(after)).contains("Anna Jensen (new referral)");
        assertThat(vault.decrypt(before)).isEmpty();
        assertThat(vault.encrypt(keyRef, "again").keyRef()).isEqualTo(after.keyRef());

        assertThat(vault.destroy(keyRef)).isTrue();
        assertThat(vault.decrypt(after)).isEmpty();
        assertThat(vault.destroy(keyRef)).as("nothing left to destroy").isFalse();
    }

    @Test
    void aCiphertextMovedToAnotherKeyRefDoesNotDecrypt() {
        String victim = subject();
        String attacker = subject();
        EncryptedValue value = vault.encrypt(victim, "Anna Jensen");
        vault.encrypt(attacker, "Ole Hansen");

        EncryptedValue moved = EncryptedValue.of(attacker, value.iv(), value.ciphertext());

        assertThatThrownBy(() -> vault.decrypt(moved))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aCiphertextRelabelledWithItsOwnKeyButAnotherNameDoesNotDecrypt() {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");
        Document stored = keys.find(Filters.eq("_id", keyRef)).first();
        String relabelled = subject();
        keys.insertOne(new Document(stored).append("_id", relabelled));

        EncryptedValue moved = EncryptedValue.of(relabelled, value.iv(), value.ciphertext());

        assertThatThrownBy(() -> new PersonalDataVault(keys, masterKey, CLOCK).decrypt(moved))
                .as("the key document is bound to its keyRef, and so is the ciphertext")
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");
        byte[] bytes = Base64.getDecoder().decode(value.ciphertext());
        bytes[0] ^= 1;

        EncryptedValue tampered = EncryptedValue.of(keyRef, value.iv(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> vault.decrypt(tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void anErasedValueDecryptsToNothing() throws Exception {
        ObjectMapper json = EventJson.newMapper();
        EncryptedValue erased = json.readValue("{\"erased\": true}", EncryptedValue.class);

        assertThat(erased.isErased()).isTrue();
        assertThat(vault.decrypt(erased)).isEmpty();
        assertThat(vault.decrypt(EncryptedValue.erasedValue())).isEmpty();
        assertThat(json.writeValueAsString(EncryptedValue.erasedValue())).isEqualTo("{\"erased\":true}");
    }

    @Test
    void aValueMarkedErasedIsNotDecryptedEvenIfItStillCarriesCiphertext() {
        String keyRef = subject();
        EncryptedValue value = vault.encrypt(keyRef, "Anna Jensen");

        EncryptedValue marked = new EncryptedValue(keyRef, value.alg(), value.iv(), value.ciphertext(), Boolean.TRUE);

        assertThat(vault.decrypt(marked)).isEmpty();
    }

    @Test
    void aValueForAKeyThatNeverExistedDecryptsToNothing() {
        EncryptedValue value = vault.encrypt(subject(), "Anna Jensen");

        EncryptedValue unknownKey = EncryptedValue.of(subject(), value.iv(), value.ciphertext());

        assertThat(vault.decrypt(unknownKey)).isEmpty();
        assertThat(keys.countDocuments()).as("decrypting creates no key").isEqualTo(1);
    }

    @Test
    void aMasterKeyOfTheWrongLengthIsRefused() {
        for (int length : new int[] {0, 16, 24, 31, 33, 64}) {
            assertThatThrownBy(() -> new PersonalDataVault(keys, new byte[length], CLOCK))
                    .as("master key of %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes");
        }
    }

    private static String subject() {
        return "sub-" + UUID.randomUUID().toString().replace("-", "");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String decryptWith(byte[] subjectKey, EncryptedValue value) throws Exception {
        return new String(gcm(Cipher.DECRYPT_MODE, subjectKey, Base64.getDecoder().decode(value.iv()), value.keyRef(),
                Base64.getDecoder().decode(value.ciphertext())), StandardCharsets.UTF_8);
    }

    private static byte[] gcm(int mode, byte[] key, byte[] iv, String aad, byte[] input) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
