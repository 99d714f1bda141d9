package org.pve.caseplatform.audit.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * Walks an event's JSON and hands every personal field to a function: an encrypted value (an object carrying a
 * keyRef and a ciphertext) or one already erased ({@code {"erased": true}}). What the function answers takes the
 * field's place; {@link #REMOVE} drops it. Everything else is copied as it is.
 */
public final class PersonalFields {

    /** Answered by a function to drop the field altogether. */
    public static final Object REMOVE = new Object();

    private PersonalFields() {
    }

    public static boolean isEncrypted(Map<?, ?> value) {
        return value.containsKey("ciphertext") && value.containsKey("keyRef");
    }

    public static boolean isErased(Map<?, ?> value) {
        return Boolean.TRUE.equals(value.get("erased"));
    }

    public static Document erased() {
        return new Document("erased", true);
    }

    /** A copy of {@code data} with every personal field replaced by what {@code field} answers for it. */
    public static Document map(Map<String, Object> data, Function<Map<?, ?>, Object> field) {
        Document copy = new Document();
        if (data == null) {
            return copy;
        }
        data.forEach((key, value) -> {
            Object mapped = mapValue(value, field);
            if (mapped != REMOVE) {
                copy.append(key, mapped);
            }
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object mapValue(Object value, Function<Map<?, ?>, Object> field) {
        if (value instanceof Map<?, ?> map) {
            return isEncrypted(map) || isErased(map) ? field.apply(map) : map((Map<String, Object>) map, field);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                Object mapped = mapValue(item, field);
                if (mapped != REMOVE) {
                    copy.add(mapped);
                }
            }
            return copy;
        }
        return value;
    }
}
