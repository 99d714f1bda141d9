package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/** A pseudonymised subject's identity was revealed to one person, with the justification for it. */
public record IdentityRevealed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String subjectRef,
        String revealedTo,
        String revealedToRole,
        Agency revealedToAgency,
        String justification) implements CaseEvent {
}
