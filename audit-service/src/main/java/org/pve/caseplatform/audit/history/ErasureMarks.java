package org.pve.caseplatform.audit.history;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Shows the structure of an event with each personal field whose key the key store no longer holds (crypto-shredded)
 * as {@code {"erased": true}}; a field whose key still exists stays ciphertext. It never decrypts anything. One per
 * answer: it remembers which keys it asked about.
 */
public final class ErasureMarks {

    private final Predicate<String> holdsKey;
    private final Map<String, Boolean> asked = new HashMap<>();

    public ErasureMarks(Predicate<String> holdsKey) {
        this.holdsKey = holdsKey;
    }

    /** Marks nothing: every field shown as stored. */
    public static ErasureMarks none() {
        return new ErasureMarks(keyRef -> true);
    }

    public Document apply(Map<String, Object> data) {
        return PersonalFields.map(data, field -> {
            if (PersonalFields.isErased(field)) {
                return PersonalFields.erased();
            }
            String keyRef = String.valueOf(field.get("keyRef"));
            return asked.computeIfAbsent(keyRef, holdsKey::test) ? field : PersonalFields.erased();
        });
    }
}
