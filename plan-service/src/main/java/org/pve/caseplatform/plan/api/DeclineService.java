package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider declines a commission made to it, saying why. */
public record DeclineService(@TargetAggregateIdentifier UUID caseId, UUID commissionId, String providerId,
                             String reason) {
}
