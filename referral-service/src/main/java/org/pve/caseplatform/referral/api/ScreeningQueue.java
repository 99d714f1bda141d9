package org.pve.caseplatform.referral.api;

import java.util.List;

/** A district's referrals waiting for the police screen, oldest first. */
public record ScreeningQueue(String districtId, List<ScreeningQueueEntry> referrals) {
}
