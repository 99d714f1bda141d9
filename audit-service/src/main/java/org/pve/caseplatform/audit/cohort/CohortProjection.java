package org.pve.caseplatform.audit.cohort;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cohort read model from the case topics. It copies only the fields a cohort counts by (never a personal
 * or free-text field), so an analyst's cohort holds pseudonymous ids and enums alone. Idempotent: a redelivered
 * record sets the fact it set before. A record it cannot read is logged by position and passed over.
 */
public class CohortProjection {

    private static final Logger log = LoggerFactory.getLogger(CohortProjection.class);

    /** The fields a cohort reads: enums, ids of commissions and providers; no personal or free-text field. */
    private static final List<String> COUNTED_FIELDS = List.of("escalatedTo", "reason", "outcome", "commissionId",
            "providerId", "serviceType", "interventionLevel");
    private static final List<String> ACTOR_FIELDS = List.of("screenedBy", "commissionedBy", "closedBy",
            "returnedBy");

    private final CohortCases cases;
    private final String onlyDistrict;

    /** A projection of every district's cases, or of one district's alone when {@code onlyDistrict} is given. */
    public CohortProjection(CohortCases cases, String onlyDistrict) {
        this.cases = cases;
        this.onlyDistrict = onlyDistrict;
    }

    public CohortProjection(CohortCases cases) {
        this(cases, null);
    }

    public void on(DeliveredEvent event) {
        if (event.messageId() == null || event.messageId().isBlank() || event.json() == null) {
            return;
        }
        Document json;
        try {
            json = Document.parse(event.json());
        } catch (RuntimeException e) {
            log.debug("passed over an unreadable record at {}", event.position());
            return;
        }
        String caseId = firstPresent(event.caseId(), text(json, "caseId"));
        String districtId = firstPresent(event.districtId(), text(json, "districtId"));
        if (caseId == null || (onlyDistrict != null && !onlyDistrict.equals(districtId))) {
            return;
        }
        Document data = new Document();
        COUNTED_FIELDS.forEach(field -> {
            if (json.get(field) != null) {
                data.append(field, json.get(field).toString());
            }
        });
        String actor = ACTOR_FIELDS.stream().map(field -> text(json, field)).filter(value -> value != null)
                .findFirst().orElse(null);
        Document fact = new Document("messageId", event.messageId()).append("eventType", event.eventType())
                .append("occurredAt", occurredAt(event, json).toString()).append("actor", actor)
                .append("topic", event.topic()).append("partition", event.partition())
                .append("offset", event.offset()).append("data", data);
        cases.record(caseId, districtId, event.messageId(), fact);
    }

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

    private static String text(Document json, String field) {
        Object value = json.get(field);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
