package org.pve.caseplatform.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * audit-service's egress (consumer group {@code audit-service.egress}) against the events: it has dealt with every
 * ledger entry of the case topics ({@code egress_seen}), and each case stands where its events put it
 * ({@code egress_cases}: PENDING until cleared, OPEN once cleared or handed back, SEALED once escalated to security
 * other than to the Channel panel, CLOSED when closed at screening before clearance; audit-service EgressRelay).
 * Skipped when audit-service keeps no egress ({@code platform.audit.egress.enabled=false}).
 */
final class EgressChecks {

    static final Set<String> ESCALATIONS = Set.of("ReferralEscalatedToSecurity", "AssessmentEscalatedToSecurity",
            "CaseEscalatedToSecurity");
    static final Set<String> CLEARANCES = Set.of("SecurityScreenCleared", "CaseReturnedFromSecurity");
    static final String CLOSED_AT_SCREENING = "ReferralClosedNoFurtherAction";
    static final String CHANNEL_PANEL = "CHANNEL_PANEL";

    private EgressChecks() {
    }

    static void run(Holdings holdings, Findings findings) {
        ReadModels models = holdings.readModels();
        if (!models.egressKept()) {
            return;
        }
        holdings.ledger().stream().filter(entry -> !models.egressSeen().contains(entry.messageId()))
                .forEach(entry -> findings.unlessRecent(entry.recordedAt(), Kind.READ_MODEL_DISAGREES,
                        entry.caseId(), entry.districtId(), ServiceDatabases.AUDIT_SERVICE, entry.messageId(),
                        entry.eventType(), "in the ledger, not dealt with by the egress (egress_seen)"));
        Map<String, List<StoredEvent>> byCase = new HashMap<>();
        holdings.stored().stream().filter(StoredEvent::published)
                .forEach(event -> byCase.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event));
        byCase.forEach((caseId, events) -> {
            events.sort(Comparator.comparing(EgressChecks::occurred).thenComparing(StoredEvent::sequence));
            String expected = stateAfter(events);
            String actual = models.egressStates().getOrDefault(caseId, ReadModels.EGRESS_PENDING);
            if (!expected.equals(actual)) {
                StoredEvent last = events.stream().max(Comparator.comparing(StoredEvent::settlesFrom)).orElseThrow();
                findings.unlessRecent(last.settlesFrom(), Kind.READ_MODEL_DISAGREES, ServiceDatabases.AUDIT_SERVICE,
                        last, "egress_cases holds the case " + actual + ", its events make it " + expected);
            }
        });
    }

    /** The egress state the case's events lead to, in the order they occurred. */
    static String stateAfter(List<StoredEvent> events) {
        String state = ReadModels.EGRESS_PENDING;
        for (StoredEvent event : events) {
            String type = event.eventType();
            if (ESCALATIONS.contains(type) && !CHANNEL_PANEL.equals(event.fact("escalatedTo"))) {
                state = "SEALED";
            } else if (CLEARANCES.contains(type) && !"CLOSED".equals(state)) {
                state = "OPEN";
            } else if (CLOSED_AT_SCREENING.equals(type) && ReadModels.EGRESS_PENDING.equals(state)) {
                state = "CLOSED";
            }
        }
        return state;
    }

    private static Instant occurred(StoredEvent event) {
        return event.occurredAt() != null ? event.occurredAt() : event.storedAt();
    }
}
