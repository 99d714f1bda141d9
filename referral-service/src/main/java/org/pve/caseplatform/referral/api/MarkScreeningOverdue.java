package org.pve.caseplatform.referral.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The screening deadline of a referral has passed; it counts only if the referral still waits, and only once. */
public record MarkScreeningOverdue(@TargetAggregateIdentifier UUID referralId, Instant dueAt) {
}
