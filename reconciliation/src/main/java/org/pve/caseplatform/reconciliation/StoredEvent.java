package org.pve.caseplatform.reconciliation;

import java.time.Instant;
import java.util.Map;

/**
 * One event as a producing service stored it in its {@code domainevents} collection, reduced to what reconciliation
 * compares: ids, type, district, when it occurred, where it sits in its aggregate, and whether (and when) the outbox
 * published it. {@code facts} holds the few non-personal enum fields that downstream read models copy or decide by
 * ({@link EventStoreReader#FACTS}).
 */
record StoredEvent(String service, String messageId, String caseId, String districtId, String eventType,
                   String aggregateId, long sequence, Instant occurredAt, Instant storedAt, boolean published,
                   Instant publishedAt, Map<String, String> facts) {

    /** Since when the event was expected downstream: its publication, else its timestamp. */
    Instant settlesFrom() {
        return publishedAt != null ? publishedAt : storedAt;
    }

    String fact(String field) {
        return facts.get(field);
    }
}
