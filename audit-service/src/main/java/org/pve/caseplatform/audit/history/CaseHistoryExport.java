package org.pve.caseplatform.audit.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pve.caseplatform.audit.api.RecordedEvent;

/** A case history as CSV: one line per event in history order, its data with encrypted values redacted. */
public final class CaseHistoryExport {

    static final List<String> HEADER = List.of("caseId", "occurredAt", "eventType", "eventRevision", "service",
            "actor", "topic", "partition", "offset", "messageId", "data");

    private CaseHistoryExport() {
    }

    public static String csv(StagedCaseHistory history) {
        List<List<Object>> rows = new ArrayList<>();
        for (RecordedEvent event : history.events()) {
            rows.add(Arrays.asList(history.caseId(), event.occurredAt(), event.eventType(),
                    event.eventRevision(), event.service(), event.actor(), event.topic(), event.partition(),
                    event.offset(), event.messageId(), Csv.redacted(event.data())));
        }
        return Csv.of(HEADER, rows);
    }
}
