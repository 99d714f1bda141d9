package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The screener decides a proposed case is not the same person. */
public record RejectProbableMatch(@TargetAggregateIdentifier UUID referralId, UUID candidateCaseId,
                                  String rejectedBy) {
}
