package org.pve.caseplatform.e2e;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.pve.caseplatform.contract.Topics;

/**
 * What the services stored, read straight from their databases on the MongoDB-wire server, as an operator's
 * reconciliation would: the producing services' event stores (each its own outbox) and audit-service's ledger.
 */
final class PlatformStores implements AutoCloseable {

    static final List<String> PRODUCERS = List.of("referral", "assessment", "plan");
    static final List<String> CASE_TOPICS = List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS,
            Topics.PLAN_EVENTS);
    private static final String EVENTS = "domainevents";

    /** One event as its producer stored it. */
    record StoredEvent(String database, String messageId, String aggregateId, String eventType) {
    }

    /** One ledger entry: a messageId seen on a topic, the case and type it names. */
    record LedgerEntry(String messageId, String caseId, String eventType, String topic, String districtId,
                       Document data) {
    }

    private final MongoClient mongo;

    PlatformStores(String connectionString) {
        this.mongo = MongoClients.create(connectionString);
    }

    /** Events stored but not yet acknowledged by the broker, per producing service. */
    Map<String, Long> unpublished() {
        Map<String, Long> pending = new HashMap<>();
        PRODUCERS.forEach(database -> pending.put(database,
                mongo.getDatabase(database).getCollection(EVENTS).countDocuments(eq("published", false))));
        return pending;
    }

    /** Every event the producing services stored. */
    List<StoredEvent> storedEvents() {
        List<StoredEvent> events = new ArrayList<>();
        for (String database : PRODUCERS) {
            for (Document stored : mongo.getDatabase(database).getCollection(EVENTS).find()
                    .projection(Projections.include("eventIdentifier", "aggregateIdentifier", "payloadType"))) {
                String type = stored.getString("payloadType");
                events.add(new StoredEvent(database, stored.getString("eventIdentifier"),
                        stored.getString("aggregateIdentifier"), type.substring(type.lastIndexOf('.') + 1)));
            }
        }
        return events;
    }

    /** The ledger's entries of the case topics (the access log's left out). */
    List<LedgerEntry> ledger() {
        List<LedgerEntry> entries = new ArrayList<>();
        for (Document entry : mongo.getDatabase("audit").getCollection("ledger").find(in("topic", CASE_TOPICS))
                .projection(Projections.include("_id", "caseId", "eventType", "topic", "districtId", "data"))) {
            entries.add(new LedgerEntry(entry.getString("_id"), entry.getString("caseId"),
                    entry.getString("eventType"), entry.getString("topic"), entry.getString("districtId"),
                    entry.get("data", Document.class)));
        }
        return entries;
    }

    /** The collections' documents, each collection in the order of its ids. */
    Map<String, List<Document>> snapshot(String database, List<String> collections) {
        Map<String, List<Document>> snapshot = new java.util.TreeMap<>();
        collections.forEach(collection -> snapshot.put(collection, mongo.getDatabase(database)
                .getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>())));
        return snapshot;
    }

    void drop(String database, List<String> collections) {
        collections.forEach(collection -> mongo.getDatabase(database).getCollection(collection).drop());
    }

    MongoClient client() {
        return mongo;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
