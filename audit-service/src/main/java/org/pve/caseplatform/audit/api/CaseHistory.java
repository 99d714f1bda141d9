package org.pve.caseplatform.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every event the ledger saw about a case, from every service, in order: occurredAt, then topic, partition and
 * offset. {@code asOf} is absent when the whole history was asked for.
 */
public record CaseHistory(UUID caseId, Instant asOf, List<RecordedEvent> events) {

    public CaseHistory {
        events = List.copyOf(events);
    }
}
