package org.pve.caseplatform.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the checks find. Something that may still be on its way (an unpublished event, a record a consumer
 * has not handled yet) is pending while younger than the grace period and a difference after it.
 */
final class Findings {

    private final Instant now;
    private final Duration grace;
    private final List<Difference> differences = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();

    Findings(Instant now, Duration grace) {
        this.now = now;
        this.grace = grace;
    }

    void difference(Kind kind, String service, StoredEvent event, String detail) {
        differences.add(new Difference(event.caseId(), event.districtId(), kind, service, event.messageId(),
                event.eventType(), detail));
    }

    void difference(Kind kind, String caseId, String districtId, String service, String messageId, String eventType,
                    String detail) {
        differences.add(new Difference(caseId, districtId, kind, service, messageId, eventType, detail));
    }

    /** A difference when {@code since} lies longer ago than the grace period (or is unknown), else pending. */
    void unlessRecent(Instant since, Kind kind, String service, StoredEvent event, String detail) {
        unlessRecent(since, kind, event.caseId(), event.districtId(), service, event.messageId(), event.eventType(),
                detail);
    }

    void unlessRecent(Instant since, Kind kind, String caseId, String districtId, String service, String messageId,
                      String eventType, String detail) {
        if (since != null && since.plus(grace).isAfter(now)) {
            pending.add(new Pending(caseId, districtId, kind, service, messageId, eventType, detail));
        } else {
            difference(kind, caseId, districtId, service, messageId, eventType, detail);
        }
    }

    List<Difference> differences() {
        return differences;
    }

    List<Pending> pending() {
        return pending;
    }
}
