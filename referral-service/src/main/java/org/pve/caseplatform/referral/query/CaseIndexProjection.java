package org.pve.caseplatform.referral.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ProbableMatchRejected;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ReferralUnlinkedFromCase;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.matching.NameKeys;
import org.pve.caseplatform.referral.matching.OpenCaseClaims;
import org.pve.caseplatform.referral.query.CaseIndex.Status;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the case index, the referral index and the open-case claims in step with the referral, assessment and plan
 * topics: which cases are open, closed or sealed, which referrals are on them, what may be the same person. Every
 * step is idempotent; event types it does not know are passed over.
 */
@Component
public class CaseIndexProjection {

    private final CaseIndex cases;
    private final ReferralIndex referrals;
    private final OpenCaseClaims claims;
    private final MatchProposals proposals;
    private final SubjectKeys subjects;

    public CaseIndexProjection(CaseIndex cases, ReferralIndex referrals, OpenCaseClaims claims,
                               MatchProposals proposals, SubjectKeys subjects) {
        this.cases = cases;
        this.referrals = referrals;
        this.claims = claims;
        this.proposals = proposals;
        this.subjects = subjects;
    }

    public void on(DeliveredEvent delivered) {
        delivered.event().ifPresent(this::apply);
    }

    void apply(CaseEvent event) {
        if (event instanceof ReferralReceived received) {
            received(received);
        } else if (event instanceof ReferralLinkedToCase linked) {
            linked(linked);
        } else if (event instanceof ReferralUnlinkedFromCase unlinked) {
            unlinked(unlinked);
        } else if (event instanceof ProbableMatchRejected rejected) {
            referrals.reject(rejected.referralId(), rejected.candidateCaseId());
            referrals.onCase(rejected.candidateCaseId())
                    .forEach(other -> referrals.reject(other.referralId(), rejected.caseId()));
        } else if (event instanceof SecurityScreenCleared cleared) {
            referrals.staged(cleared.referralId(), ReferralStage.CLEARED);
        } else if (event instanceof ReferralEscalatedToSecurity escalated
                && escalated.escalatedTo() != SecurityDestination.CHANNEL_PANEL) {
            cases.moved(escalated.caseId(), escalated.districtId(), Status.ESCALATED, List.of(Status.OPEN),
                    escalated.occurredAt());
            claims.release(escalated.caseId());
            referrals.staged(escalated.referralId(), ReferralStage.ESCALATED_TO_SECURITY);
        } else if (event instanceof ReferralClosedNoFurtherAction closed) {
            closedNoFurtherAction(closed);
        } else if (event instanceof CaseReturnedFromSecurity returned) {
            returned(returned);
        } else if (event instanceof CaseClosed closed) {
            close(closed.caseId(), closed.districtId(), closed.occurredAt());
        } else if (event instanceof FormulationAgreed agreed) {
            cases.belongsTo(agreed.caseId(), agreed.districtId(), CaseIndex.LEAD_AGENCY, agreed.leadAgency(),
                    agreed.occurredAt());
        } else if (event instanceof CaseOwnerAssigned assigned) {
            cases.belongsTo(assigned.caseId(), assigned.districtId(), CaseIndex.OWNER_AGENCY, assigned.agency(),
                    assigned.occurredAt());
        } else if (event instanceof PersonalDataErased erased) {
            forget(erased);
        }
    }

    /**
     * The person's key is gone: their blind name keys and open-case claims go too, so nothing derived from their
     * identity stays in the read models (the pseudonym and the case's structure remain).
     */
    private void forget(PersonalDataErased erased) {
        if (erased.subjectRef() != null) {
            referrals.forgetIdentity(erased.subjectRef(), erased.occurredAt());
        } else {
            referrals.onCase(erased.caseId()).stream().filter(referral -> referral.subjectRef() == null)
                    .forEach(referral -> referrals.forgetIdentity(referral.referralId()));
        }
        claims.release(erased.caseId());
    }

    private void received(ReferralReceived event) {
        NameKeys keys = subjects.of(event).orElse(null);
        String claim = keys == null || keys.dateOfBirth() == null || event.subjectRef() == null ? null
                : keys.claimIn(event.districtId(), event.subjectRef());
        IndexedReferral referral = referrals.received(event, keys, claim);
        cases.joined(referral.caseId(), event.districtId(), event.referralId(), event.referrerAgency(),
                event.occurredAt());
        if (claim != null && referral.caseId().equals(event.caseId()) && isOpen(event.caseId())) {
            claims.claim(claim, event.caseId());
        }
        if (keys != null) {
            proposals.proposeFor(referral);
        }
    }

    private void linked(ReferralLinkedToCase event) {
        referrals.linked(event.referralId(), event.caseId());
        IndexedReferral referral = referrals.find(event.referralId()).orElseThrow();
        if (event.previousCaseId() != null) {
            cases.left(event.previousCaseId(), event.referralId(), event.occurredAt());
        }
        cases.joined(event.caseId(), event.districtId(), event.referralId(), referral.referrerAgency(),
                event.occurredAt());
        if (referral.claim() != null && event.previousCaseId() != null) {
            moveClaim(referral.claim(), event.previousCaseId(), event.caseId());
        }
    }

    private void unlinked(ReferralUnlinkedFromCase event) {
        referrals.unlinked(event.referralId(), event.restoredCaseId());
        IndexedReferral referral = referrals.find(event.referralId()).orElseThrow();
        cases.left(event.caseId(), event.referralId(), event.occurredAt());
        cases.joined(event.restoredCaseId(), event.districtId(), event.referralId(), referral.referrerAgency(),
                event.occurredAt());
        boolean sharedWithTheCase = referrals.onCase(event.caseId()).stream()
                .anyMatch(other -> referral.claim() != null && referral.claim().equals(other.claim()));
        if (referral.claim() != null && !sharedWithTheCase) {
            moveClaim(referral.claim(), event.caseId(), event.restoredCaseId());
        }
    }

    /** The case closes only when none of its referrals is still waiting or went on: all closed without action. */
    private void closedNoFurtherAction(ReferralClosedNoFurtherAction event) {
        boolean nothingElseOpen = referrals.onCase(event.caseId()).stream()
                .filter(other -> !other.referralId().equals(event.referralId()))
                .allMatch(other -> other.stage() == ReferralStage.CLOSED_NO_FURTHER_ACTION);
        if (nothingElseOpen) {
            close(event.caseId(), event.districtId(), event.occurredAt());
        }
        referrals.staged(event.referralId(), ReferralStage.CLOSED_NO_FURTHER_ACTION);
    }

    private void returned(CaseReturnedFromSecurity event) {
        cases.moved(event.caseId(), event.districtId(), Status.OPEN, List.of(Status.ESCALATED),
                event.occurredAt());
        if (isOpen(event.caseId())) {
            referrals.onCase(event.caseId()).stream().filter(referral -> referral.claim() != null)
                    .forEach(referral -> claims.claim(referral.claim(), event.caseId()));
        }
        referrals.staged(event.referralId(), ReferralStage.AWAITING_SCREENING);
    }

    private void close(UUID caseId, String districtId, Instant at) {
        cases.moved(caseId, districtId, Status.CLOSED, List.of(Status.OPEN, Status.ESCALATED), at);
        claims.release(caseId);
    }

    private void moveClaim(String claim, UUID from, UUID to) {
        if (isOpen(to)) {
            claims.move(claim, from, to);
        } else {
            claims.drop(claim, from);
        }
    }

    private boolean isOpen(UUID caseId) {
        return cases.find(caseId).map(indexed -> indexed.status() == Status.OPEN).orElse(true);
    }
}
