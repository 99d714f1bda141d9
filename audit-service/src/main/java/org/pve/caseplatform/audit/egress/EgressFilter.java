package org.pve.caseplatform.audit.egress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.pve.caseplatform.audit.history.PersonalFields;

/**
 * What of an event may leave the platform for integrating consumers, decided from the contract's JSON schemas: only
 * the properties its schema declares go out, less every one whose schema refers to an encrypted value, a subjectRef
 * or free text ({@code common.schema.json#/$defs/encryptedValue}, {@code subjectRef}, {@code text}); and, whatever
 * the schema says, any encrypted or erased value and any subjectRef at any depth is dropped too. An event whose
 * schema this build does not have is not let out.
 */
public class EgressFilter {

    private static final String SCHEMAS = "schemas/events/";
    private static final List<String> WITHHELD_DEFINITIONS =
            List.of("#/$defs/encryptedValue", "#/$defs/subjectRef", "#/$defs/text");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<Properties>> schemas = new ConcurrentHashMap<>();

    /** The properties a schema declares, and those of them that never go out. */
    record Properties(Set<String> declared, Set<String> withheld) {
    }

    /** The event's JSON with its personal and free-text fields removed; empty when its schema is unknown. */
    public Optional<Document> filter(String eventType, int revision, Document event) {
        return properties(eventType, revision).map(properties -> {
            Document kept = new Document();
            event.forEach((name, value) -> {
                if (properties.declared().contains(name) && !properties.withheld().contains(name)) {
                    kept.append(name, value);
                }
            });
            return withoutSubjectRefs(PersonalFields.map(kept, field -> PersonalFields.REMOVE));
        });
    }

    /** The properties of the event type's schema that never go out; empty when there is no such schema. */
    Optional<Set<String>> withheldProperties(String eventType, int revision) {
        return properties(eventType, revision).map(Properties::withheld);
    }

    private Optional<Properties> properties(String eventType, int revision) {
        if (eventType == null || !eventType.matches("[A-Za-z0-9]+")) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(eventType + ".v" + revision, name -> read(SCHEMAS + name + ".schema.json"));
    }

    private Optional<Properties> read(String resource) {
        try (InputStream in = EgressFilter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Set<String> declared = new HashSet<>();
            Set<String> dropped = new HashSet<>();
            JsonNode properties = json.readTree(in).path("properties");
            Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> property = fields.next();
                declared.add(property.getKey());
                if (refersToWithheld(property.getValue())) {
                    dropped.add(property.getKey());
                }
            }
            return Optional.of(new Properties(Set.copyOf(declared), Set.copyOf(dropped)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable schema " + resource, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean refersToWithheld(JsonNode schema) {
        for (JsonNode ref : schema.findValues("$ref")) {
            if (WITHHELD_DEFINITIONS.stream().anyMatch(ref.asText()::endsWith)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Document withoutSubjectRefs(Document document) {
        Document kept = new Document();
        document.forEach((name, value) -> {
            if (!"subjectRef".equals(name)) {
                kept.append(name, value instanceof Map<?, ?> map ? withoutSubjectRefs(new Document(
                        (Map<String, Object>) map)) : value instanceof List<?> list ? list.stream()
                        .map(item -> item instanceof Map<?, ?> m ? withoutSubjectRefs(
                                new Document((Map<String, Object>) m)) : item).toList() : value);
            }
        });
        return kept;
    }
}
