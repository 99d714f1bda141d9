package org.pve.caseplatform.audit.egress;

import java.time.Instant;
import java.util.Comparator;
import org.bson.Document;

/**
 * An event on its way out, already filtered (no personal or free-text field): its catalogue headers, where it was
 * read (for the order of release) and its JSON.
 */
public record EgressEvent(String caseId, String districtId, String eventType, int eventRevision, String messageId,
                          String correlationId, Instant occurredAt, String topic, int partition, long offset,
                          long timestamp, String json) {

    /** The order held events are released in: as they happened, then as they sit in Kafka. */
    static final Comparator<EgressEvent> RELEASE_ORDER = Comparator.comparing(EgressEvent::occurredAt)
            .thenComparing(EgressEvent::topic)
            .thenComparingInt(EgressEvent::partition)
            .thenComparingLong(EgressEvent::offset);

    Document toDocument() {
        return new Document("caseId", caseId).append("districtId", districtId).append("eventType", eventType)
                .append("eventRevision", eventRevision).append("messageId", messageId)
                .append("correlationId", correlationId).append("occurredAt", occurredAt.toString())
                .append("topic", topic).append("partition", partition).append("offset", offset)
                .append("timestamp", timestamp).append("json", json);
    }

    static EgressEvent fromDocument(Document document) {
        return new EgressEvent(document.getString("caseId"), document.getString("districtId"),
                document.getString("eventType"), document.getInteger("eventRevision", 1),
                document.getString("messageId"), document.getString("correlationId"),
                Instant.parse(document.getString("occurredAt")), document.getString("topic"),
                document.getInteger("partition"), ((Number) document.get("offset")).longValue(),
                ((Number) document.get("timestamp")).longValue(), document.getString("json"));
    }
}
