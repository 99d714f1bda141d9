package org.pve.caseplatform.referral.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.contract.RectifiableField;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;
import org.pve.caseplatform.contract.referral.ProbableMatchRejected;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ReferralUnlinkedFromCase;
import org.pve.caseplatform.contract.referral.ScreeningOverdue;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.ErasePersonalData;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.LinkReferralToCase;
import org.pve.caseplatform.referral.api.MarkScreeningOverdue;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.referral.api.RectifyPersonalData;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.api.RejectProbableMatch;
import org.pve.caseplatform.referral.api.ReturnReferralFromSecurity;
import org.pve.caseplatform.referral.api.RevealIdentity;
import org.pve.caseplatform.referral.api.UnlinkReferralFromCase;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * A referral and its police security screen: screened exactly once, by one of three decisions. It also keeps the
 * person's rights over its personal fields: a justified reveal of a pseudonymised identity, rectification, and the
 * record that the fields were erased (after which nothing personal can be revealed or rectified any more).
 */
@Aggregate
class Referral {

    static final String CHANNEL_LIAISON = "Channel liaison; safeguarding continues alongside. ";

    @AggregateIdentifier
    private UUID referralId;
    private UUID caseId;
    private String districtId;
    private String subjectRef;
    private ReferralStage stage;
    private boolean screeningOverdue;
    private boolean linked;
    private UUID restoresTo;
    private final Set<UUID> rejectedMatches = new HashSet<>();
    private boolean identified;
    private boolean erased;

    Referral() {
    }

    @CommandHandler
    Referral(ReceiveReferral command) {
        apply(new ReferralReceived(command.caseId(), command.districtId(), now(), command.referralId(),
                command.municipalityId(), command.channel(), command.referrerAgency(), command.externalReference(),
                command.subjectRef(), command.subjectIdentity(), command.ageBand(), command.concernCategories(),
                command.concernSummary()));
        if (command.joinsOpenCase()) {
            apply(new ReferralLinkedToCase(command.caseId(), command.districtId(), now(), command.referralId(), null,
                    ReferralLinkedToCase.AUTOMATIC));
        }
    }

    @CommandHandler
    void handle(ClearSecurityScreen command) {
        requireAwaitingScreening();
        apply(new SecurityScreenCleared(caseId, districtId, now(), referralId, subjectRef, command.screenedBy(),
                command.rationale()));
    }

    @CommandHandler
    void handle(EscalateReferralToSecurity command) {
        requireAwaitingScreening();
        apply(new ReferralEscalatedToSecurity(caseId, districtId, now(), referralId, command.screenedBy(),
                command.escalatedTo(), command.rationale()));
        if (command.escalatedTo() == SecurityDestination.CHANNEL_PANEL) {
            apply(new SecurityScreenCleared(caseId, districtId, now(), referralId, subjectRef, command.screenedBy(),
                    CHANNEL_LIAISON + command.rationale()));
        }
    }

    /** Only a sealed referral can come back; it resumes where it left: waiting for the screener's decision. */
    @CommandHandler
    void handle(ReturnReferralFromSecurity command) {
        if (stage != ReferralStage.ESCALATED_TO_SECURITY) {
            throw new LifecycleViolation("referralId", "only a referral sealed by escalation can be returned: "
                    + stage);
        }
        apply(new CaseReturnedFromSecurity(caseId, districtId, now(), referralId, command.returnedBy(),
                command.rationale()));
    }

    /** A deadline firing late, twice, or after the screen was decided changes nothing. */
    @CommandHandler
    void handle(MarkScreeningOverdue command) {
        if (stage == ReferralStage.AWAITING_SCREENING && !screeningOverdue) {
            apply(new ScreeningOverdue(caseId, districtId, now(), referralId, command.dueAt()));
        }
    }

    @CommandHandler
    void handle(CloseReferralNoFurtherAction command) {
        requireAwaitingScreening();
        apply(new ReferralClosedNoFurtherAction(caseId, districtId, now(), referralId, command.screenedBy(),
                command.reason(), command.rationale()));
    }

    @EventSourcingHandler
    void on(ReferralReceived event) {
        referralId = event.referralId();
        caseId = event.caseId();
        districtId = event.districtId();
        subjectRef = event.subjectRef();
        identified = event.subjectIdentity() != null;
        stage = ReferralStage.AWAITING_SCREENING;
    }

    @EventSourcingHandler
    void on(SecurityScreenCleared event) {
        stage = ReferralStage.CLEARED;
    }

    /** Channel is a liaison, not a seal: the clearance that follows it keeps the case on the preventive track. */
    @EventSourcingHandler
    void on(ReferralEscalatedToSecurity event) {
        if (event.escalatedTo() != SecurityDestination.CHANNEL_PANEL) {
            stage = ReferralStage.ESCALATED_TO_SECURITY;
        }
    }

    @EventSourcingHandler
    void on(CaseReturnedFromSecurity event) {
        stage = ReferralStage.AWAITING_SCREENING;
    }

    @EventSourcingHandler
    void on(ScreeningOverdue event) {
        screeningOverdue = true;
    }

    @EventSourcingHandler
    void on(ReferralClosedNoFurtherAction event) {
        stage = ReferralStage.CLOSED_NO_FURTHER_ACTION;
    }

    /** Linking is the screener's decision while the referral awaits screening; one link at a time. */
    @CommandHandler
    void handle(LinkReferralToCase command) {
        requireAwaitingScreeningFor("caseId", "a referral is linked while it awaits screening");
        if (linked) {
            throw new LifecycleViolation("caseId", "the referral is already linked to case " + caseId
                    + "; undo that link first");
        }
        if (command.caseId().equals(caseId) || rejectedMatches.contains(command.caseId())) {
            throw new LifecycleViolation("caseId", "the referral cannot be linked to this case");
        }
        apply(new ReferralLinkedToCase(command.caseId(), districtId, now(), referralId, caseId, command.linkedBy()));
    }

    /** Undoing a link is allowed at any time: the referral gets back the case it had before. */
    @CommandHandler
    void handle(UnlinkReferralFromCase command) {
        if (!linked) {
            throw new LifecycleViolation("referralId", "the referral is not linked to another case");
        }
        apply(new ReferralUnlinkedFromCase(caseId, districtId, now(), referralId,
                restoresTo != null ? restoresTo : command.newCaseId(), command.unlinkedBy(), command.rationale()));
    }

    /** A rejected candidate is not proposed again; rejecting it twice changes nothing. */
    @CommandHandler
    void handle(RejectProbableMatch command) {
        requireAwaitingScreeningFor("caseId", "a match is rejected while the referral awaits screening");
        if (command.candidateCaseId().equals(caseId)) {
            throw new LifecycleViolation("caseId", "the referral is on this case; undo the link instead");
        }
        if (!rejectedMatches.contains(command.candidateCaseId())) {
            apply(new ProbableMatchRejected(caseId, districtId, now(), referralId, command.candidateCaseId(),
                    command.rejectedBy()));
        }
    }

    @EventSourcingHandler
    void on(ReferralLinkedToCase event) {
        restoresTo = event.previousCaseId();
        caseId = event.caseId();
        linked = true;
    }

    @EventSourcingHandler
    void on(ReferralUnlinkedFromCase event) {
        caseId = event.restoredCaseId();
        restoresTo = null;
        linked = false;
    }

    @EventSourcingHandler
    void on(ProbableMatchRejected event) {
        rejectedMatches.add(event.candidateCaseId());
    }

    /** A reveal needs an identity to reveal, still readable, and a justification that says why. */
    @CommandHandler
    void handle(RevealIdentity command) {
        requireIdentified("the referral names no subject: there is no identity to reveal");
        String justification = command.justification() == null ? "" : command.justification().strip();
        if (justification.length() < RevealIdentity.MINIMUM_JUSTIFICATION) {
            throw new InvalidRequest("justification", "must say why the identity is needed (at least "
                    + RevealIdentity.MINIMUM_JUSTIFICATION + " characters)");
        }
        apply(new IdentityRevealed(caseId, districtId, now(), referralId, subjectRef, command.revealedTo(),
                command.revealedToRole(), command.revealedToAgency(), justification));
    }

    /** Recorded once: a second erasure of the same fields (a retried request, a retention run) changes nothing. */
    @CommandHandler
    void handle(ErasePersonalData command) {
        if (!erased) {
            apply(new PersonalDataErased(caseId, districtId, now(), subjectRef, command.keyRef(), command.reason(),
                    command.erasedBy()));
        }
    }

    @CommandHandler
    void handle(RectifyPersonalData command) {
        if (command.field() == RectifiableField.SUBJECT_IDENTITY) {
            requireIdentified("the referral names no subject: there is no identity to rectify");
        } else if (erased) {
            throw new LifecycleViolation("referralId", "the referral's personal data was erased");
        }
        apply(new PersonalDataRectified(caseId, districtId, now(), referralId, command.field(), command.value(),
                command.reason(), command.rectifiedBy()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }

    private void requireIdentified(String rule) {
        if (!identified) {
            throw new LifecycleViolation("referralId", rule);
        }
        if (erased) {
            throw new LifecycleViolation("referralId", "the referral's personal data was erased");
        }
    }

    private void requireAwaitingScreeningFor(String field, String rule) {
        if (stage != ReferralStage.AWAITING_SCREENING) {
            throw new LifecycleViolation(field, rule + "; it is " + stage);
        }
    }

    private void requireAwaitingScreening() {
        if (stage != ReferralStage.AWAITING_SCREENING) {
            throw new LifecycleViolation("decision", "the referral was already screened: " + stage);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
