package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The screener confirms a proposed match or prior involvement: the referral joins that case. */
public record LinkReferralToCase(@TargetAggregateIdentifier UUID referralId, UUID caseId, String linkedBy) {
}
