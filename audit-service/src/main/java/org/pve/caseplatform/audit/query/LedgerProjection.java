package org.pve.caseplatform.audit.query;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an entry into the ledger for every record seen on the case topics, once per messageId. It witnesses and
 * nothing more: it never decrypts a personal field and never decides anything about a case. A record it cannot
 * read (no messageId, not a JSON object) is logged and passed over, so it never holds up its partition.
 */
public class LedgerProjection {

    private static final Logger log = LoggerFactory.getLogger(LedgerProjection.class);

    private static final Map<String, String> SERVICE_BY_TOPIC = Map.of(
            Topics.REFERRAL_EVENTS, "referral-service",
            Topics.ASSESSMENT_EVENTS, "assessment-service",
            Topics.PLAN_EVENTS, "plan-service");

    /** Fields naming who acted, most specific first; a provider acts in the events that name only its providerId. */
    private static final List<String> ACTOR_FIELDS = List.of("screenedBy", "proposedBy", "endorsedBy",
            "commissionedBy", "closedBy", "returnedBy", "escalatedBy", "sharedBy", "ratedBy", "recordedBy", "who",
            "providerId");

    private final Ledger ledger;
    private final HashChains chains;
    private final Clock clock;
    private final SubjectIndex subjects;

    public LedgerProjection(Ledger ledger, Clock clock) {
        this(ledger, null, clock);
    }

    public LedgerProjection(Ledger ledger, HashChains chains, Clock clock) {
        this(ledger, chains, clock, null);
    }

    /**
     * With chains, every record (readable or not, first or duplicate) becomes a link of its partition's chain; with
     * a subject index, every referral naming its subject is noted there (again on a redelivery, which changes
     * nothing).
     */
    public LedgerProjection(Ledger ledger, HashChains chains, Clock clock, SubjectIndex subjects) {
        this.ledger = ledger;
        this.chains = chains;
        this.clock = clock;
        this.subjects = subjects;
    }

    public void on(DeliveredEvent event) {
        Optional<LedgerEntry> entry = entryFor(event);
        if (chains != null) {
            if (!chains.append(event, entry.map(LedgerEntry::toDocument).orElse(null))) {
                log.debug("{} adds no entry to the ledger", event.position());
            }
        } else {
            entry.ifPresent(read -> {
                if (!ledger.append(read)) {
                    log.debug("{} at {} already in the ledger", read.messageId(), event.position());
                }
            });
        }
        if (subjects != null) {
            entry.ifPresent(subjects::note);
        }
    }

    Optional<LedgerEntry> entryFor(DeliveredEvent event) {
        if (event.messageId() == null || event.messageId().isBlank()) {
            log.warn("skipped {}: it has no messageId", describe(event));
            return Optional.empty();
        }
        Optional<Document> data = parse(event);
        return data.map(json -> new LedgerEntry(event.messageId(), caseId(event, json),
                firstPresent(event.districtId(), text(json, "districtId")), event.eventType(),
                event.eventRevision(), SERVICE_BY_TOPIC.get(event.topic()), event.topic(), event.partition(),
                event.offset(), occurredAt(event, json), clock.instant(), event.correlationId(), actor(json), json));
    }

    private static Optional<Document> parse(DeliveredEvent event) {
        if (event.json() == null || event.json().isBlank()) {
            log.warn("skipped {}: it has no value", describe(event));
            return Optional.empty();
        }
        try {
            return Optional.of(Document.parse(event.json()));
        } catch (RuntimeException e) {
            log.warn("skipped {}: its value is not a JSON object", describe(event));
            return Optional.empty();
        }
    }

    private static String caseId(DeliveredEvent event, Document json) {
        return firstPresent(event.caseId(), text(json, "caseId"));
    }

    /** The event's own occurredAt; the record's timestamp when the JSON has none that reads as an instant. */
    private static Instant occurredAt(DeliveredEvent event, Document json) {
        String occurredAt = text(json, "occurredAt");
        if (occurredAt != null) {
            try {
                return Instant.parse(occurredAt);
            } catch (DateTimeException e) {
                log.debug("{} has an unreadable occurredAt, using the record timestamp", event.position());
            }
        }
        return Instant.ofEpochMilli(event.timestamp());
    }

    private static String actor(Document json) {
        return ACTOR_FIELDS.stream().map(field -> text(json, field)).filter(value -> value != null)
                .findFirst().orElse(null);
    }

    private static String text(Document json, String field) {
        Object value = json.get(field);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /** Names a record in the log by type and position only: its value may hold personal data. */
    private static String describe(DeliveredEvent event) {
        return (event.eventType() == null ? "a record" : event.eventType()) + " at " + event.position();
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
