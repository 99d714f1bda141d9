package org.pve.caseplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.pve.caseplatform.contract.Topics;

/**
 * Reads (never writes) audit-service's ledger collection: every record of the case topics and the access log, with
 * the instant the event occurred and the instant the ledger recorded it ({@code recordedAt}, audit-service's clock).
 */
final class LedgerReader implements AutoCloseable {

    /** One ledger entry, as much as the figures need. */
    record Entry(String eventType, String topic, Instant occurredAt, Instant recordedAt) {

        boolean isCaseEvent() {
            return !Topics.ACCESS_LOG.equals(topic);
        }

        double latencyMillis() {
            return Duration.between(occurredAt, recordedAt).toNanos() / 1e6;
        }
    }

    private final MongoClient client;
    private final MongoCollection<Document> ledger;

    LedgerReader(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.ledger = client.getDatabase("audit").getCollection("ledger");
    }

    /** Entries of an event type. */
    long count(String eventType) {
        return ledger.countDocuments(Filters.eq("eventType", eventType));
    }

    /** Every entry the ledger recorded at or after the instant. */
    List<Entry> recordedSince(Instant since) {
        List<Entry> entries = new ArrayList<>();
        for (Document document : ledger.find(Filters.gte("recordedAt", Date.from(since)))
                .projection(Projections.include("eventType", "topic", "occurredAt", "occurredAtNanos",
                        "recordedAt"))) {
            Instant occurred = document.getDate("occurredAt").toInstant();
            Integer nanos = document.getInteger("occurredAtNanos");
            if (nanos != null) {
                occurred = Instant.ofEpochSecond(occurred.getEpochSecond(), nanos);
            }
            entries.add(new Entry(document.getString("eventType"), document.getString("topic"), occurred,
                    document.getDate("recordedAt").toInstant()));
        }
        return entries;
    }

    @Override
    public void close() {
        client.close();
    }
}
