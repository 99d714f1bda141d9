package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The security side hands a sealed referral back to the preventive track, where it resumes its screening. */
public record ReturnReferralFromSecurity(@TargetAggregateIdentifier UUID referralId, String returnedBy,
                                         String rationale) {
}
