package org.pve.caseplatform.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the ledger holds about a subject, for a subject access request: each of the subject's cases with its
 * events, personal fields decrypted (or {@code {"erased": true}} where the key is gone), and who read the cases, why.
 */
public record SubjectAccessExport(String subjectRef, Instant generatedAt, List<ExportedCase> cases,
                                  List<AccessRecord> accessLog) {

    public SubjectAccessExport {
        cases = List.copyOf(cases);
        accessLog = List.copyOf(accessLog);
    }

    /** One case of the subject and its events in history order. */
    public record ExportedCase(UUID caseId, String districtId, List<ExportedEvent> events) {

        public ExportedCase {
            events = List.copyOf(events);
        }
    }

    /** One event of a case, its JSON with every personal field in plaintext or marked erased. */
    public record ExportedEvent(String eventType, String service, Instant occurredAt, String actor,
                                Map<String, Object> data) {
    }

    /** One read of the subject's case detail, from the access log. */
    public record AccessRecord(UUID caseId, String who, String role, String agency, String view, String purpose,
                               Instant occurredAt) {
    }
}
