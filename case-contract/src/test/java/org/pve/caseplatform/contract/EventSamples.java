package org.pve.caseplatform.contract;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an instance of any catalogued event by reflection, every component filled with an invented value of its
 * type, so that a new event or a new component is covered without touching the tests. A component of a type it does
 * not know fails loudly.
 */
final class EventSamples {

    static final Instant OCCURRED_AT = Instant.parse("2025-03-14T09:30:15.250Z");
    static final String DISTRICT = "dk-fyn";
    static final String SUBJECT_REF = "subj-7f3a9c2e";

    private EventSamples() {
    }

    /** An event whose personal fields carry ciphertext. */
    static CaseEvent sampleOf(EventType type) {
        return build(type.recordClass(), Map.of(), false);
    }

    /** An event whose personal fields have been crypto-shredded: {@code {"erased": true}}. */
    static CaseEvent erasedSampleOf(EventType type) {
        return build(type.recordClass(), Map.of(), true);
    }

    /** An event with some components set to the given values (a key with no value entry is set to null). */
    static CaseEvent sampleWith(EventType type, Map<String, Object> overrides) {
        return build(type.recordClass(), overrides, false);
    }

    static boolean hasPersonalFields(EventType type) {
        return Arrays.stream(type.recordClass().getRecordComponents())
                .anyMatch(c -> c.getType() == EncryptedValue.class);
    }

    private static CaseEvent build(Class<? extends CaseEvent> recordClass, Map<String, Object> overrides,
            boolean erased) {
        return instantiate(recordClass, overrides, erased);
    }

    /** A record of any type, events and the records they carry (such as a FamilyMember) alike. */
    private static <R> R instantiate(Class<R> recordClass, Map<String, Object> overrides, boolean erased) {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = overrides.containsKey(components[i].getName())
                    ? overrides.get(components[i].getName())
                    : valueFor(components[i], erased);
        }
        try {
            return recordClass.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + recordClass.getSimpleName(), e);
        }
    }

    private static Object valueFor(RecordComponent component, boolean erased) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (type == String.class) {
            return stringFor(name);
        }
        if (type == Instant.class) {
            return "occurredAt".equals(name) ? OCCURRED_AT : OCCURRED_AT.plus(Duration.ofDays(30));
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2025, 4, 1);
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == EncryptedValue.class) {
            return erased ? EncryptedValue.erasedValue()
                    : EncryptedValue.of(SUBJECT_REF, "q83vEjRWeJCrze8S", "3q2+7wAAAAAq8l5yB7WmQm0NzUhwhcP1" + name);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[1 % constants.length];
        }
        if (type == List.class) {
            return listFor(component, erased);
        }
        throw new IllegalStateException("no sample value for " + component.getDeclaringRecord().getSimpleName() + "."
                + name + " of type " + component.getGenericType() + ": teach EventSamples this type");
    }

    private static String stringFor(String name) {
        return switch (name) {
            case "districtId" -> DISTRICT;
            case "municipalityId" -> "0461";
            case "subjectRef" -> SUBJECT_REF;
            case "externalReference" -> "odense-sag-2025-000123";
            case "keyRef" -> SUBJECT_REF;
            case "role", "revealedToRole" -> "PANEL_MEMBER";
            case "view" -> "case-history";
            default -> "invented " + name;
        };
    }

    private static List<?> listFor(RecordComponent component, boolean erased) {
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        if (element == String.class) {
            return List.of("a trusted mentor", "stable schooling");
        }
        if (element == UUID.class) {
            return List.of(UUID.nameUUIDFromBytes(component.getName().getBytes(StandardCharsets.UTF_8)));
        }
        if (element instanceof Class<?> elementClass && elementClass.isEnum()) {
            Object[] constants = elementClass.getEnumConstants();
            return constants.length > 1 ? List.of(constants[0], constants[1]) : List.of(constants[0]);
        }
        if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
            return List.of(instantiate(elementClass, Map.of(), erased));
        }
        throw new IllegalStateException("no sample list for " + component.getDeclaringRecord().getSimpleName() + "."
                + component.getName() + " of type " + component.getGenericType());
    }
}
