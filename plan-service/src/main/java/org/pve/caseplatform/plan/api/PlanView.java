package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.ReviewDecision;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.ServiceType;

/**
 * A case's management plan as its owner sees it, personal fields decrypted (absent once erased): who owned it in
 * turn, the consents, the commissions, when the next review is due, the reviews held, and what needs attention.
 */
public record PlanView(UUID caseId, String districtId, String subjectRef, int formulationVersion, List<String> needs,
                       InterventionLevel interventionLevel, int reviewCadenceDays, PlanStage stage, Instant openedAt,
                       Owner owner, List<CommissionDetail> commissions, Closure closure, Agency leadAgency,
                       List<Agency> panelAgencies, List<Owner> ownerHistory, List<Consent> consents,
                       Instant nextReviewDue, List<Review> reviews, Escalation escalation, Attention attention,
                       Instant handoverDueAt, long version) {

    /** One of the plan's commissions. */
    public Optional<CommissionDetail> commission(UUID commissionId) {
        return commissions.stream()
                .filter(commission -> commission.commission().commissionId().equals(commissionId))
                .findFirst();
    }

    /** The lead professional holding the plan (since {@code at}). */
    public record Owner(String ownerRef, Agency agency, Instant at) {
    }

    /** How and by whom the case was closed. */
    public record Closure(ClosureOutcome outcome, String closedBy, Instant at) {
    }

    /** A consent: ACTIVE until it is withdrawn. */
    public record Consent(UUID consentId, List<ServiceType> scope, ConsentGiver givenBy, String recordedBy,
                          Instant recordedAt, ConsentStatus status, String withdrawnBy, Instant withdrawnAt) {
    }

    /** Whether a consent still holds. */
    public enum ConsentStatus {
        ACTIVE, WITHDRAWN
    }

    /** A review held, with its decision. */
    public record Review(ReviewDecision decision, Instant nextReviewDue, String reviewedBy, Instant at) {
    }

    /** The case's escalation to the security services. */
    public record Escalation(SecurityDestination escalatedTo, String reason, String escalatedBy, Instant at) {
    }

    /**
     * What the case owner should look at: a handover still without an owner past its deadline, the review due now
     * overdue, commissions stalled before their start, declined, or suspended for want of consent.
     */
    public record Attention(boolean handoverOverdue, boolean reviewOverdue, List<UUID> stalledCommissions,
                            List<UUID> declinedCommissions, List<UUID> suspendedCommissions) {
    }
}
