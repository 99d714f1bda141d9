package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.RectifiableField;

/** A personal field of a referral was corrected at the person's request; the corrected value travels encrypted. */
public record PersonalDataRectified(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        RectifiableField field,
        EncryptedValue value,
        String reason,
        String rectifiedBy) implements CaseEvent {
}
