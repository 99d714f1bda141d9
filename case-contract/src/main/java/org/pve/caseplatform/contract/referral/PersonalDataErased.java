package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ErasureReason;

/**
 * The key that protected a case's personal fields was destroyed (crypto-shredding): those fields are unreadable
 * everywhere from now on, while the case's structure stays replayable. One event per case of the person;
 * {@code subjectRef} is absent when the subject was never identified.
 */
public record PersonalDataErased(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        String subjectRef,
        String keyRef,
        ErasureReason reason,
        String erasedBy) implements CaseEvent {
}
