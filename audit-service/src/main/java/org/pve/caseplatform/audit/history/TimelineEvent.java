package org.pve.caseplatform.audit.history;

import java.time.Instant;
import java.util.Map;

/** The part of a witnessed event a case's timeline reads: its type, when it happened, who acted and its JSON. */
public record TimelineEvent(String eventType, Instant occurredAt, String actor, Map<String, Object> data) {

    public TimelineEvent {
        data = data == null ? Map.of() : data;
    }

    String text(String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }
}
