package org.pve.caseplatform.reconciliation;

import java.time.Instant;

/**
 * One event as a producing service stored it in its {@code domainevents} collection, reduced to what reconciliation
 * compares: ids, type, district, where it sits in its aggregate, and whether (and when) the outbox published it.
 * {@code ageBand} is the one payload field a downstream read model copies (ReferralReceived), null elsewhere.
 */
record StoredEvent(String service, String messageId, String caseId, String districtId, String eventType,
                   String aggregateId, long sequence, Instant storedAt, boolean published, Instant publishedAt,
                   String ageBand) {

    /** Since when the event was expected downstream: its publication, else its timestamp. */
    Instant settlesFrom() {
        return publishedAt != null ? publishedAt : storedAt;
    }
}
