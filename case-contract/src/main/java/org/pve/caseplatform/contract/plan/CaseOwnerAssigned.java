package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/** A lead professional of an agency took ownership of the plan. */
public record CaseOwnerAssigned(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String ownerRef,
        Agency agency) implements CaseEvent {
}
