package org.pve.caseplatform.referral.query;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.referral.api.KnownTo;
import org.pve.caseplatform.referral.query.CaseIndex.IndexedCase;
import org.pve.caseplatform.referral.query.CaseIndex.Status;
import org.springframework.stereotype.Component;

/**
 * "Known to": whether a district has a case of exactly this subjectRef, and which agencies referred on those
 * cases. A sealed case counts only for the police; for everyone else it is as if it were not there.
 */
@Component
public class KnownToReader {

    private final ReferralIndex referrals;
    private final CaseIndex cases;

    public KnownToReader(ReferralIndex referrals, CaseIndex cases) {
        this.referrals = referrals;
        this.cases = cases;
    }

    /** Whether the person has a case in a district {@code counted} accepts, and to which agencies. */
    public KnownTo knownTo(String subjectRef, boolean police, Predicate<String> counted) {
        List<IndexedCase> visible = cases.findAll(referrals.withSubjectRef(subjectRef).stream()
                        .map(IndexedReferral::caseId).filter(Objects::nonNull).toList()).values().stream()
                .filter(indexed -> !indexed.vacated())
                .filter(indexed -> counted.test(indexed.districtId()))
                .filter(indexed -> police || indexed.status() != Status.ESCALATED)
                .toList();
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        visible.forEach(indexed -> indexed.referrals().values().stream().filter(Objects::nonNull)
                .forEach(agencies::add));
        return new KnownTo(!visible.isEmpty(), List.copyOf(agencies));
    }
}
