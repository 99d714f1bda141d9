package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.SecurityDestination;

/** The screener hands the referral to the security side. */
public record EscalateReferralToSecurity(@TargetAggregateIdentifier UUID referralId, String screenedBy,
                                         SecurityDestination escalatedTo, String rationale) {
}
