package org.pve.caseplatform.referral.api;

import java.util.List;
import java.util.UUID;

/** What an erasure did: the person's cases whose personal fields are now unreadable, and how many keys it destroyed. */
public record ErasureReport(String subjectRef, List<UUID> cases, int keysDestroyed) {
}
