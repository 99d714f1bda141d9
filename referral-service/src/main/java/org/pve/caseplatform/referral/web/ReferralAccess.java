package org.pve.caseplatform.referral.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.query.CaseIndex.IndexedCase;
import org.pve.caseplatform.referral.query.ReferralRecord;
import org.pve.caseplatform.referral.query.ReferralViewReader;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * The policy applied to one referral: its district; the agencies it belongs to (the referrer's, and the lead and
 * owner agencies of its case once known); sealed while it or its case is escalated to the security side and not
 * handed back. A referral outside the caller's reach answers exactly like one that does not exist.
 */
@Component
class ReferralAccess {

    /** The view name a referral read is logged under. */
    static final String VIEW = "referral";

    private final ReferralViewReader views;
    private final CaseIndex cases;
    private final AccessPolicy policy;
    private final CaseReads reads;

    ReferralAccess(ReferralViewReader views, CaseIndex cases, AccessPolicy policy, CaseReads reads) {
        this.views = views;
        this.cases = cases;
        this.policy = policy;
        this.reads = reads;
    }

    /** 403 unless the role may send the operation, 404 unless the referral exists within the caller's reach. */
    ReferralRecord require(Caller caller, Operation operation, UUID referralId) {
        policy.require(caller, operation);
        ReferralRecord record = views.record(referralId);
        policy.requireInScope(caller, operation, referralId.toString(), scopeOf(record));
        return record;
    }

    /** A read of the referral's detail: in reach, for a purpose the role may state, written to the access log. */
    ReferralView read(Caller caller, UUID referralId, String purpose) {
        policy.require(caller, Operation.VIEW_REFERRAL);
        ReferralRecord record = views.record(referralId);
        reads.authorize(caller, Operation.VIEW_REFERRAL, referralId.toString(), record.view().caseId(),
                scopeOf(record), purpose, VIEW);
        return views.asSeenBy(record, caller.id());
    }

    /** The referral as the caller sees it now, after a command of theirs. */
    ReferralView answer(Caller caller, UUID referralId) {
        return views.asSeenBy(views.record(referralId), caller.id());
    }

    RecordScope scopeOf(ReferralRecord record) {
        ReferralView view = record.view();
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        if (view.referrerAgency() != null) {
            agencies.add(view.referrerAgency());
        }
        IndexedCase indexed = cases.find(view.caseId()).orElse(null);
        if (indexed != null) {
            agencies.addAll(indexed.caseAgencies());
        }
        boolean caseSealed = indexed != null && indexed.sealed() && !record.handedBack();
        return RecordScope.of(view.districtId(), agencies).sealed(view.sealed() || caseSealed);
    }
}
