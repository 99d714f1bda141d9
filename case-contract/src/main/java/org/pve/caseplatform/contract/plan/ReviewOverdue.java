package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The case review due at {@code dueAt} had not taken place when it fell due. */
public record ReviewOverdue(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        Instant dueAt) implements CaseEvent {
}
