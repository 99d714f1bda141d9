package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.ServiceType;

/** Consent to services of the types in {@code scope} was recorded, given by the person or a guardian. */
public record ConsentRecorded(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID consentId,
        List<ServiceType> scope,
        ConsentGiver givenBy,
        String recordedBy) implements CaseEvent {
}
