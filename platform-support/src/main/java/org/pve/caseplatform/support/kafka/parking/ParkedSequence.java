package org.pve.caseplatform.support.kafka.parking;

import java.time.Instant;
import java.util.List;

/**
 * A case's records that one consumer set aside, in their order: the first is the one its handler could not handle
 * (for the reason given: event type, failure classes, attempts, never the record's content), the others came later
 * and wait behind it so the case's order holds.
 */
public record ParkedSequence(String consumer, String caseId, String districtId, String reason, Instant parkedAt,
                             Instant lastTriedAt, List<ParkedPosition> positions) {

    public ParkedSequence {
        positions = List.copyOf(positions);
    }

    public int recordCount() {
        return positions.size();
    }

    /** The event types of the parked records, each once, in the order they first came. */
    public List<String> eventTypes() {
        return positions.stream().map(ParkedPosition::eventType).distinct().toList();
    }
}
