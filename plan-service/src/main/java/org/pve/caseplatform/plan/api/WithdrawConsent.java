package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a consent given earlier is withdrawn. */
public record WithdrawConsent(@TargetAggregateIdentifier UUID caseId, UUID consentId, String withdrawnBy) {
}
