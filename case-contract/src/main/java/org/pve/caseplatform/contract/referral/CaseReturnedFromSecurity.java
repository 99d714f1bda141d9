package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The security side handed an escalated case back to the preventive track; it resumes where it left. */
public record CaseReturnedFromSecurity(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String returnedBy,
        String rationale) implements CaseEvent {
}
