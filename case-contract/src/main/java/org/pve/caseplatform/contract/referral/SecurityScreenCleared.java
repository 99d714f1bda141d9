package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/** The police screen found no need for a security response: the case goes on to a multi-agency assessment. */
public record SecurityScreenCleared(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String subjectRef,
        String screenedBy,
        String rationale) implements CaseEvent {
}
