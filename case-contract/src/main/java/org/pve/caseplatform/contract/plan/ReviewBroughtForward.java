package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ReviewReason;

/** The next case review was brought forward to {@code dueAt}, for the reason given. */
public record ReviewBroughtForward(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        Instant dueAt,
        ReviewReason reason) implements CaseEvent {
}
