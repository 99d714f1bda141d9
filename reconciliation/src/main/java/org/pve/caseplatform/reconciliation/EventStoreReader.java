package org.pve.caseplatform.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;

/**
 * Reads a producing service's event store: Axon's document-per-event layout with the outbox marks
 * ({@code published}, {@code publishedAt}, platform-support OutboxStorageStrategy). The payload is read only for its
 * caseId, districtId, occurredAt and the {@link #FACTS}; no personal field is kept.
 */
final class EventStoreReader {

    static final String EVENTS = "domainevents";
    /** The non-personal enum fields read models copy (age band, lead agency) or decide by (where it escalated to). */
    static final List<String> FACTS = List.of("ageBand", "leadAgency", "escalatedTo");

    private static final ObjectMapper JSON = EventJson.newMapper();

    private EventStoreReader() {
    }

    static List<StoredEvent> read(MongoDatabase database, String service) {
        List<StoredEvent> events = new ArrayList<>();
        for (Document stored : database.getCollection(EVENTS).find().projection(Projections.include(
                "aggregateIdentifier", "sequenceNumber", "eventIdentifier", "payloadType", "serializedPayload",
                "timestamp", "published", "publishedAt"))) {
            events.add(toEvent(stored, service));
        }
        return events;
    }

    static StoredEvent toEvent(Document stored, String service) {
        JsonNode payload = payload(stored.get("serializedPayload"));
        Object sequence = stored.get("sequenceNumber");
        return new StoredEvent(service, stored.getString("eventIdentifier"), text(payload, "caseId"),
                text(payload, "districtId"), wireName(stored.getString("payloadType")),
                stored.getString("aggregateIdentifier"), sequence instanceof Number n ? n.longValue() : -1,
                instant(text(payload, "occurredAt")), instant(stored.get("timestamp")),
                !Boolean.FALSE.equals(stored.get("published")), instant(stored.get("publishedAt")), facts(payload));
    }

    /** The catalogue's name for a stored payload class (the class's simple name when it is not catalogued). */
    static String wireName(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return EventCatalogue.byName(simpleName).map(EventType::name).orElse(simpleName);
    }

    private static JsonNode payload(Object serialized) {
        try {
            if (serialized instanceof String text) {
                return JSON.readTree(text);
            }
            if (serialized instanceof Binary binary) {
                return JSON.readTree(new String(binary.getData(), StandardCharsets.UTF_8));
            }
            if (serialized instanceof byte[] bytes) {
                return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            }
            if (serialized instanceof Document document) {
                return JSON.readTree(document.toJson());
            }
        } catch (JsonProcessingException e) {
            // an unreadable payload has no case to compare by; its ids stay null and the report says so
            return JSON.nullNode();
        }
        return JSON.nullNode();
    }

    private static Map<String, String> facts(JsonNode payload) {
        Map<String, String> facts = new HashMap<>();
        for (String field : FACTS) {
            String value = "ageBand".equals(field) ? ageBand(payload) : text(payload, field);
            if (value != null) {
                facts.put(field, value);
            }
        }
        return Map.copyOf(facts);
    }

    /** The band's name in the contract (the JSON holds its wire name, e.g. {@code 16_17} for AGE_16_17). */
    private static String ageBand(JsonNode payload) {
        JsonNode band = payload == null ? null : payload.get("ageBand");
        if (band == null || band.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(band, AgeBand.class).name();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return band.asText();
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
