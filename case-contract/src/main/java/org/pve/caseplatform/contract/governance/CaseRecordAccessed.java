package org.pve.caseplatform.contract.governance;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;

/**
 * Someone read case detail, stating a purpose: who, in which role and agency, which view. Written to the access
 * log before the answer is returned. {@code role} is the caller's role name; {@code agency} is absent when the
 * caller's token names none.
 */
public record CaseRecordAccessed(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String who,
        String role,
        Agency agency,
        String view,
        AccessPurpose purpose) implements CaseEvent {
}
