package org.pve.caseplatform.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;

/**
 * A referral waiting for the police screen, as the queue lists it: no names, no date of birth and no concern text
 * (the screener opens the referral for those).
 */
public record ScreeningQueueEntry(UUID referralId, UUID caseId, Instant receivedAt, Instant dueAt, boolean overdue,
                                  Channel channel, Agency referrerAgency, AgeBand ageBand,
                                  List<ConcernCategory> concernCategories, UUID linkedToCase,
                                  List<CaseCandidate> possibleMatches, List<CaseCandidate> priorInvolvement,
                                  List<UUID> linkedReferrals) {
}
