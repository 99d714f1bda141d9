package org.pve.caseplatform.referral.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.referral.api.MatchReason;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.matching.NameKeys;

/**
 * A referral as the match index holds it: what the queue shows, the case it is on now, its blind name keys (absent
 * for an unknown subject or an erased identity), the cases proposed to it with their reasons, and those rejected.
 */
public record IndexedReferral(UUID referralId, UUID caseId, String districtId, String subjectRef, Channel channel,
                              Agency referrerAgency, AgeBand ageBand, List<ConcernCategory> concernCategories,
                              Instant receivedAt, ReferralStage stage, UUID linkedToCase, String claim,
                              NameKeys keys, Map<UUID, List<MatchReason>> proposals, Set<UUID> rejected) {
}
