package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The screener finds no security response needed. */
public record ClearSecurityScreen(@TargetAggregateIdentifier UUID referralId, String screenedBy, String rationale) {
}
