package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.RectifiableField;

/** Correct a personal field of a referral at the person's request; the corrected value comes encrypted. */
public record RectifyPersonalData(@TargetAggregateIdentifier UUID referralId, RectifiableField field,
                                  EncryptedValue value, String reason, String rectifiedBy) {
}
