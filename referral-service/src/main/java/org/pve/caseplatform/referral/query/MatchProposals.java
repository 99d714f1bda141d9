package org.pve.caseplatform.referral.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pve.caseplatform.referral.api.MatchReason;
import org.springframework.stereotype.Component;

/**
 * Proposes probable matches both ways: a new referral is offered every other case whose subject may be the same
 * person, and the referrals on those cases are offered the new one's case, so it does not matter which of two close
 * referrals the index took in first. Pairs a screener rejected are never proposed again.
 */
@Component
public class MatchProposals {

    private final ReferralIndex referrals;

    public MatchProposals(ReferralIndex referrals) {
        this.referrals = referrals;
    }

    void proposeFor(IndexedReferral referral) {
        Map<UUID, List<MatchReason>> best = new HashMap<>();
        for (IndexedReferral other : referrals.sharingNameKeys(referral.keys(), referral.referralId())) {
            if (other.keys() == null || other.caseId() == null || other.caseId().equals(referral.caseId())
                    || referral.rejected().contains(other.caseId()) || other.rejected().contains(referral.caseId())) {
                continue;
            }
            referral.keys().compare(other.keys()).ifPresent(reasons -> {
                best.merge(other.caseId(), reasons, (a, b) -> a.size() <= b.size() ? a : b);
                referrals.propose(other.referralId(), referral.caseId(), reasons);
            });
        }
        best.forEach((caseId, reasons) -> referrals.propose(referral.referralId(), caseId, reasons));
    }
}
