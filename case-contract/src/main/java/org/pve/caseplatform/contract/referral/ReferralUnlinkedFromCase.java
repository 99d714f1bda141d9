package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** A wrong link was undone: the referral left case {@code caseId} and is its own case again. */
public record ReferralUnlinkedFromCase(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        UUID restoredCaseId,
        String unlinkedBy,
        String rationale) implements CaseEvent {
}
