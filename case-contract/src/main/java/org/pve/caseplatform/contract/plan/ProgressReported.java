package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.Engagement;

/** The provider reported back on the person's engagement, raising a new concern or not. */
public record ProgressReported(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId,
        Engagement engagement,
        boolean concernRaised,
        EncryptedValue summary) implements CaseEvent {
}
