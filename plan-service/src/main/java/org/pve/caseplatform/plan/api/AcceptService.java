package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider accepts a commission made to it. */
public record AcceptService(@TargetAggregateIdentifier UUID caseId, UUID commissionId, String providerId) {
}
