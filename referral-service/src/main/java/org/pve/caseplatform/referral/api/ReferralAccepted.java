package org.pve.caseplatform.referral.api;

import java.util.UUID;

/**
 * What intake answers: the referral id, and the case id only for referrers allowed to follow cases; {@code created}
 * is false when the same externalReference had already been received.
 */
public record ReferralAccepted(UUID referralId, UUID caseId, boolean created) {
}
