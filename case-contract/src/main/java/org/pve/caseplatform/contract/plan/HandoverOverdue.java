package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** No case owner had been assigned when the district's handover deadline passed. */
public record HandoverOverdue(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        Instant dueAt) implements CaseEvent {
}
