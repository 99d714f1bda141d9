package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.NoFurtherActionReason;

/** The police screen closed the referral with no further action. */
public record ReferralClosedNoFurtherAction(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String screenedBy,
        NoFurtherActionReason reason,
        String rationale) implements CaseEvent {
}
