package org.pve.caseplatform.audit.egress;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.pve.caseplatform.audit.egress.EgressCases.State;
import org.pve.caseplatform.audit.history.SecuritySeal;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the events of cases on the preventive track out to integrating consumers, filtered, one topic per district.
 * A case's events are held until it is cleared at screening, then released in order with the clearance, and go out
 * as they come from then on. A case escalated to security (other than to the Channel panel) lets nothing out: what
 * was held is discarded and what follows is withheld, until it is handed back, which counts as a new clearance. A
 * case closed at screening lets nothing out. Governance events and the access log never go out. A messageId
 * already dealt with is passed over, so a redelivery sends nothing twice.
 */
public class EgressRelay {

    static final String CLEARED = "SecurityScreenCleared";
    static final String CLOSED_AT_SCREENING = "ReferralClosedNoFurtherAction";
    static final Set<String> GOVERNANCE = Set.of("IdentityRevealed", "PersonalDataErased", "PersonalDataRectified",
            "ConfidentialityAgreementRecorded", "ConfidentialityAgreementExpired", "CaseRecordAccessed");

    private static final Logger log = LoggerFactory.getLogger(EgressRelay.class);

    private final EgressCases cases;
    private final EgressFilter filter;
    private final Consumer<EgressEvent> out;

    public EgressRelay(EgressCases cases, EgressFilter filter, Consumer<EgressEvent> out) {
        this.cases = cases;
        this.filter = filter;
        this.out = out;
    }

    public void on(DeliveredEvent record) {
        if (record.messageId() == null || record.messageId().isBlank() || cases.seen(record.messageId())) {
            return;
        }
        Optional<Document> json = parse(record);
        String caseId = json.map(value -> firstPresent(record.caseId(), value.get("caseId"))).orElse(null);
        String districtId = json.map(value -> firstPresent(record.districtId(), value.get("districtId")))
                .orElse(null);
        if (caseId == null || districtId == null || !districtId.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            log.warn("egress passed over {} at {}: no readable case or district",
                    record.eventType() == null ? "a record" : record.eventType(), record.position());
        } else if (!GOVERNANCE.contains(record.eventType())) {
            route(record, json.get(), caseId, districtId);
        }
        cases.markSeen(record.messageId());
    }

    private void route(DeliveredEvent record, Document json, String caseId, String districtId) {
        State state = cases.state(caseId);
        String type = record.eventType();
        if (SecuritySeal.seals(type, json.get("escalatedTo"))) {
            cases.discardHeld(caseId);
            cases.setState(caseId, State.SEALED);
        } else if (CLEARED.equals(type) || SecuritySeal.RETURNED.equals(type)) {
            if (state == State.CLOSED || state == State.SEALED && CLEARED.equals(type)) {
                // only a hand-back reopens a sealed case: a clearance read after the seal happened before it (the
                // seal came on the assessment or plan topic, read ahead of the referral topic)
                return;
            }
            // held events and the clearance go out as they happened: another topic's event of the case (the
            // assessment opened on the clearance) may have been read, and held, before the clearance itself
            List<EgressEvent> release = new ArrayList<>(state == State.PENDING ? cases.held(caseId) : List.of());
            Optional<EgressEvent> clearance = filtered(record, json, caseId, districtId);
            clearance.ifPresent(release::add);
            release.sort(EgressEvent.RELEASE_ORDER);
            for (EgressEvent event : release) {
                out.accept(event);
                if (clearance.isEmpty() || event != clearance.get()) {
                    cases.released(caseId, event.messageId());
                }
            }
            cases.setState(caseId, State.OPEN);
        } else if (CLOSED_AT_SCREENING.equals(type) && state == State.PENDING) {
            cases.discardHeld(caseId);
            cases.setState(caseId, State.CLOSED);
        } else if (state == State.PENDING) {
            filtered(record, json, caseId, districtId).ifPresent(cases::hold);
        } else if (state == State.OPEN) {
            filtered(record, json, caseId, districtId).ifPresent(out);
        }
    }

    private Optional<EgressEvent> filtered(DeliveredEvent record, Document json, String caseId, String districtId) {
        Optional<Document> kept = filter.filter(record.eventType(), record.eventRevision(), json);
        if (kept.isEmpty()) {
            log.warn("egress withheld {} at {}: no schema for its revision {}", record.eventType(),
                    record.position(), record.eventRevision());
        }
        return kept.map(value -> new EgressEvent(caseId, districtId, record.eventType(), record.eventRevision(),
                record.messageId(), record.correlationId(), occurredAt(record, json), record.topic(),
                record.partition(), record.offset(), record.timestamp(), value.toJson()));
    }

    private static Optional<Document> parse(DeliveredEvent record) {
        if (record.json() == null || record.json().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Document.parse(record.json()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Instant occurredAt(DeliveredEvent record, Document json) {
        Object occurredAt = json.get("occurredAt");
        if (occurredAt instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                // the record's timestamp below
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String firstPresent(String header, Object field) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        return field instanceof String text && !text.isBlank() ? text : null;
    }
}
