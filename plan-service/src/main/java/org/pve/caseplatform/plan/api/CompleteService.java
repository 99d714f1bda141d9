package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider completes a service in delivery with its outcome. */
public record CompleteService(@TargetAggregateIdentifier UUID caseId, UUID commissionId, String providerId,
                              String outcome) {
}
