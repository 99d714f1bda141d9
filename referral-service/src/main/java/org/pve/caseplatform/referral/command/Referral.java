package org.pve.caseplatform.referral.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.support.domain.LifecycleViolation;

/** A referral and its police security screen: screened exactly once, by one of three decisions. */
@Aggregate
class Referral {

    @AggregateIdentifier
    private UUID referralId;
    private UUID caseId;
    private String districtId;
    private String subjectRef;
    private ReferralStage stage;

    Referral() {
    }

    @CommandHandler
    Referral(ReceiveReferral command) {
        apply(new ReferralReceived(command.caseId(), command.districtId(), now(), command.referralId(),
                command.municipalityId(), command.channel(), command.referrerAgency(), command.externalReference(),
                command.subjectRef(), command.subjectIdentity(), command.ageBand(), command.concernCategories(),
                command.concernSummary()));
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
        stage = ReferralStage.AWAITING_SCREENING;
    }

    @EventSourcingHandler
    void on(SecurityScreenCleared event) {
        stage = ReferralStage.CLEARED;
    }

    @EventSourcingHandler
    void on(ReferralEscalatedToSecurity event) {
        stage = ReferralStage.ESCALATED_TO_SECURITY;
    }

    @EventSourcingHandler
    void on(ReferralClosedNoFurtherAction event) {
        stage = ReferralStage.CLOSED_NO_FURTHER_ACTION;
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
