package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Undo a link: the referral returns to the case it had before, or to {@code newCaseId} when it joined an open case
 * on arrival and never had one of its own.
 */
public record UnlinkReferralFromCase(@TargetAggregateIdentifier UUID referralId, UUID newCaseId, String unlinkedBy,
                                     String rationale) {
}
