package org.pve.caseplatform.contract.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.ServiceType;

/** A service was commissioned from a provider for one need of the plan, with a briefing only for that provider. */
public record ServiceCommissioned(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID commissionId,
        String providerId,
        ServiceType serviceType,
        String needAddressed,
        LocalDate startBy,
        String commissionedBy,
        EncryptedValue briefing) implements CaseEvent {
}
