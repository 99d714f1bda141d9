package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** A consent given earlier was withdrawn: services it alone covered may no longer be delivered. */
public record ConsentWithdrawn(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID consentId,
        String withdrawnBy) implements CaseEvent {
}
