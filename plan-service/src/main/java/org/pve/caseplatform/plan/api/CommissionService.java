package org.pve.caseplatform.plan.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.ServiceType;

/** Commission a service from a provider for one of the plan's needs, with a briefing already encrypted. */
public record CommissionService(
        @TargetAggregateIdentifier UUID caseId,
        UUID commissionId,
        String providerId,
        ServiceType serviceType,
        String needAddressed,
        LocalDate startBy,
        String commissionedBy,
        EncryptedValue briefing) {
}
