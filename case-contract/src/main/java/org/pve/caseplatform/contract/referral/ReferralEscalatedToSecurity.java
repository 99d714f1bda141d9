package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.SecurityDestination;

/** The police screen found a security response needed: the case leaves the preventive track (except Channel). */
public record ReferralEscalatedToSecurity(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String screenedBy,
        SecurityDestination escalatedTo,
        String rationale) implements CaseEvent {
}
