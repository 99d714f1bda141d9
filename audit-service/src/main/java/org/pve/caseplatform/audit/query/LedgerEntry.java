package org.pve.caseplatform.audit.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import org.bson.Document;

/**
 * One entry of the append-only ledger: a record seen on a topic, keyed by its messageId. {@code occurredAt} is kept
 * as a BSON date (for indexes and range queries) plus its nano-of-second, so order and asOf stay exact.
 */
public record LedgerEntry(String messageId, String caseId, String districtId, String eventType, int eventRevision,
                          String service, String topic, int partition, long offset, Instant occurredAt,
                          Instant recordedAt, String correlationId, String actor, Document data) {

    /** The order of a history: occurredAt, then where the record sits in Kafka. */
    public static final Comparator<LedgerEntry> HISTORY_ORDER = Comparator.comparing(LedgerEntry::occurredAt)
            .thenComparing(LedgerEntry::topic)
            .thenComparingInt(LedgerEntry::partition)
            .thenComparingLong(LedgerEntry::offset)
            .thenComparing(LedgerEntry::messageId);

    Document toDocument() {
        Document document = new Document("_id", messageId);
        putPresent(document, "caseId", caseId);
        putPresent(document, "districtId", districtId);
        putPresent(document, "eventType", eventType);
        document.append("eventRevision", eventRevision);
        putPresent(document, "service", service);
        document.append("topic", topic).append("partition", partition).append("offset", offset)
                .append("occurredAt", Date.from(occurredAt)).append("occurredAtNanos", occurredAt.getNano())
                .append("recordedAt", Date.from(recordedAt));
        putPresent(document, "correlationId", correlationId);
        putPresent(document, "actor", actor);
        return document.append("data", data);
    }

    static LedgerEntry fromDocument(Document document) {
        return new LedgerEntry(document.getString("_id"), document.getString("caseId"),
                document.getString("districtId"), document.getString("eventType"),
                document.getInteger("eventRevision", 1), document.getString("service"), document.getString("topic"),
                document.getInteger("partition"), ((Number) document.get("offset")).longValue(),
                exact(document.getDate("occurredAt"), document.getInteger("occurredAtNanos")),
                document.getDate("recordedAt").toInstant(), document.getString("correlationId"),
                document.getString("actor"), document.get("data", Document.class));
    }

    private static Instant exact(Date millis, Integer nanoOfSecond) {
        Instant instant = millis.toInstant();
        return nanoOfSecond == null ? instant : Instant.ofEpochSecond(instant.getEpochSecond(), nanoOfSecond);
    }

    private static void putPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
