package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider starts delivering an accepted commission. */
public record StartServiceDelivery(@TargetAggregateIdentifier UUID caseId, UUID commissionId, String providerId) {
}
