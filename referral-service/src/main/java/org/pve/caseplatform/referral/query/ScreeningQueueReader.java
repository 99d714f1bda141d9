package org.pve.caseplatform.referral.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.pve.caseplatform.referral.api.CaseCandidate;
import org.pve.caseplatform.referral.api.Involvement;
import org.pve.caseplatform.referral.api.ScreeningQueueEntry;
import org.pve.caseplatform.referral.query.CaseIndex.IndexedCase;
import org.pve.caseplatform.referral.query.CaseIndex.Status;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.stereotype.Component;

/**
 * The police screener's queue for a district, from the match and case indexes: oldest first, with the deadline,
 * the cases proposed as the same person and the prior involvement (ids, kinds and reasons only), and the other
 * referrals already on the same case.
 */
@Component
public class ScreeningQueueReader {

    private static final Comparator<CaseCandidate> STRONGEST_FIRST = Comparator
            .comparingInt((CaseCandidate candidate) -> candidate.reasons().size())
            .thenComparing(CaseCandidate::candidateCaseId);

    private final ReferralIndex referrals;
    private final CaseIndex cases;
    private final DistrictDirectory districts;
    private final Clock clock;

    public ScreeningQueueReader(ReferralIndex referrals, CaseIndex cases, DistrictDirectory districts, Clock clock) {
        this.referrals = referrals;
        this.cases = cases;
        this.districts = districts;
        this.clock = clock;
    }

    public List<ScreeningQueueEntry> queue(String districtId) {
        District district = districts.get(districtId);
        List<IndexedReferral> waiting = referrals.awaitingScreening(districtId);
        Map<UUID, IndexedCase> known = cases.findAll(waiting.stream()
                .flatMap(referral -> Stream.concat(Stream.of(referral.caseId()),
                        referral.proposals().keySet().stream()))
                .toList());
        Instant now = clock.instant();
        return waiting.stream().map(referral -> entry(referral, district, known, now)).toList();
    }

    /** The cases the screener is shown for this referral: the only ones a link or a rejection may name. */
    public List<CaseCandidate> candidates(UUID referralId) {
        IndexedReferral referral = referrals.find(referralId).orElseThrow(() -> new UnknownRecord("referral"));
        return candidates(referral, cases.findAll(referral.proposals().keySet()));
    }

    private ScreeningQueueEntry entry(IndexedReferral referral, District district, Map<UUID, IndexedCase> known,
                                      Instant now) {
        Instant dueAt = referral.receivedAt().plus(Duration.ofDays(district.screeningDueDays()));
        List<CaseCandidate> candidates = candidates(referral, known);
        IndexedCase own = known.get(referral.caseId());
        Set<UUID> alongside = new HashSet<>(own == null ? Set.of() : own.referrals().keySet());
        alongside.remove(referral.referralId());
        return new ScreeningQueueEntry(referral.referralId(), referral.caseId(), referral.receivedAt(), dueAt,
                dueAt.isBefore(now), referral.channel(), referral.referrerAgency(), referral.ageBand(),
                referral.concernCategories(), referral.linkedToCase(),
                candidates.stream().filter(c -> c.kind() == Involvement.PROBABLE_MATCH).toList(),
                candidates.stream().filter(c -> c.kind() != Involvement.PROBABLE_MATCH).toList(),
                alongside.stream().sorted().toList());
    }

    private static List<CaseCandidate> candidates(IndexedReferral referral, Map<UUID, IndexedCase> known) {
        return referral.proposals().entrySet().stream()
                .filter(proposal -> !proposal.getKey().equals(referral.caseId())
                        && !referral.rejected().contains(proposal.getKey()))
                .filter(proposal -> known.containsKey(proposal.getKey()) && !known.get(proposal.getKey()).vacated())
                .map(proposal -> new CaseCandidate(proposal.getKey(),
                        kind(known.get(proposal.getKey()), referral.districtId()), proposal.getValue()))
                .sorted(STRONGEST_FIRST)
                .toList();
    }

    static Involvement kind(IndexedCase candidate, String districtId) {
        if (candidate.status() == Status.CLOSED) {
            return Involvement.PRIOR_CLOSED_CASE;
        }
        if (candidate.status() == Status.ESCALATED) {
            return Involvement.SEALED_CASE;
        }
        return candidate.districtId().equals(districtId) ? Involvement.PROBABLE_MATCH : Involvement.OTHER_DISTRICT;
    }
}
