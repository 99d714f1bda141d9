package org.pve.caseplatform.audit.api;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the ledger recorded it: where it was read, who acted (absent when the event names nobody) and the
 * event's JSON as published, personal fields still encrypted.
 */
public record RecordedEvent(String messageId, String eventType, int eventRevision, String service,
                            Instant occurredAt, String actor, String topic, int partition, long offset,
                            Map<String, Object> data) {
}
