package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** A commissioned service had not started delivery by the end of its {@code startBy} date. */
public record CommissionStalled(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        LocalDate startBy) implements CaseEvent {
}
