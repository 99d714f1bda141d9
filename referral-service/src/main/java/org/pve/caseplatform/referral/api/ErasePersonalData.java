package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.ErasureReason;

/**
 * Record that the key protecting the personal fields of the referral's case was destroyed (crypto-shredding); sent
 * to one referral per case, after the key is gone.
 */
public record ErasePersonalData(@TargetAggregateIdentifier UUID referralId, String keyRef, ErasureReason reason,
                                String erasedBy) {
}
