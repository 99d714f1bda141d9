package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.NoFurtherActionReason;

/** The screener closes the referral without further action. */
public record CloseReferralNoFurtherAction(@TargetAggregateIdentifier UUID referralId, String screenedBy,
                                           NoFurtherActionReason reason, String rationale) {
}
