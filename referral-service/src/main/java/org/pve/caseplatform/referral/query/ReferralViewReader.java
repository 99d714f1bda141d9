package org.pve.caseplatform.referral.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ReferralUnlinkedFromCase;
import org.pve.caseplatform.contract.referral.ScreeningOverdue;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.ReferralView.Screening;
import org.pve.caseplatform.referral.api.ReferralView.Subject;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.eventstore.EventStreams;
import org.pve.caseplatform.support.security.Caller;
import org.springframework.stereotype.Component;

/** Builds a referral's view from its own events, decrypting what the key store can still open. */
@Component
public class ReferralViewReader {

    private final EventStreams streams;
    private final PersonalDataVault vault;
    private final ObjectMapper json = EventJson.newMapper();

    public ReferralViewReader(EventStreams streams, PersonalDataVault vault) {
        this.streams = streams;
        this.vault = vault;
    }

    public ReferralView find(UUID referralId) {
        EventStreams.Stream stream = streams.of(referralId.toString());
        ReferralView view = null;
        for (CaseEvent event : stream.events()) {
            view = apply(view, event, stream.version());
        }
        return view;
    }

    /**
     * The referral as {@code caller} may see it: the public never reads a referral back, and a sealed one exists
     * only for the police; to everyone else both answer exactly like a referral that does not exist.
     */
    public ReferralView find(UUID referralId, Caller caller) {
        if (caller.isPublic()) {
            throw new UnknownRecord(referralId.toString());
        }
        ReferralView view = find(referralId);
        if (view.sealed() && !caller.isPolice()) {
            throw new UnknownRecord(referralId.toString());
        }
        return view;
    }

    private ReferralView apply(ReferralView view, CaseEvent event, long version) {
        if (event instanceof ReferralReceived received) {
            return new ReferralView(received.referralId(), received.caseId(), received.districtId(),
                    received.municipalityId(), received.channel(), received.referrerAgency(),
                    received.externalReference(), received.subjectRef(), subject(received), received.ageBand(),
                    received.concernCategories(), vault.decrypt(received.concernSummary()).orElse(null),
                    ReferralStage.AWAITING_SCREENING, received.occurredAt(), null, version, false, false);
        }
        if (event instanceof SecurityScreenCleared cleared) {
            return screened(view, ReferralStage.CLEARED, new Screening("CLEAR", cleared.screenedBy(),
                    cleared.rationale(), view.channelLiaison() ? SecurityDestination.CHANNEL_PANEL.name() : null,
                    null, cleared.occurredAt()));
        }
        if (event instanceof ReferralEscalatedToSecurity channel
                && channel.escalatedTo() == SecurityDestination.CHANNEL_PANEL) {
            return copy(view, view.stage(), view.screening(), true, view.screeningOverdue());
        }
        if (event instanceof CaseReturnedFromSecurity) {
            return copy(view, ReferralStage.AWAITING_SCREENING, null, view.channelLiaison(), view.screeningOverdue());
        }
        if (event instanceof ScreeningOverdue) {
            return copy(view, view.stage(), view.screening(), view.channelLiaison(), true);
        }
        if (event instanceof ReferralEscalatedToSecurity escalated) {
            return screened(view, ReferralStage.ESCALATED_TO_SECURITY, new Screening("ESCALATE",
                    escalated.screenedBy(), escalated.rationale(), escalated.escalatedTo().name(), null,
                    escalated.occurredAt()));
        }
        if (event instanceof ReferralClosedNoFurtherAction closed) {
            return screened(view, ReferralStage.CLOSED_NO_FURTHER_ACTION, new Screening("CLOSE", closed.screenedBy(),
                    closed.rationale(), null, closed.reason().name(), closed.occurredAt()));
        }
        if (event instanceof ReferralLinkedToCase linked) {
            return onCase(view, linked.caseId());
        }
        if (event instanceof ReferralUnlinkedFromCase unlinked) {
            return onCase(view, unlinked.restoredCaseId());
        }
        return view;
    }

    /** A link or its undo moves the referral to another case; nothing else about it changes. */
    private static ReferralView onCase(ReferralView view, UUID caseId) {
        return new ReferralView(view.referralId(), caseId, view.districtId(), view.municipalityId(),
                view.channel(), view.referrerAgency(), view.externalReference(), view.subjectRef(), view.subject(),
                view.ageBand(), view.concernCategories(), view.concernSummary(), view.stage(), view.receivedAt(),
                view.screening(), view.version(), view.channelLiaison(), view.screeningOverdue());
    }

    private Subject subject(ReferralReceived received) {
        return vault.decrypt(received.subjectIdentity()).map(this::readSubject).orElse(null);
    }

    private Subject readSubject(String identityJson) {
        try {
            return json.readValue(identityJson, Subject.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subject identity", e);
        }
    }

    private static ReferralView screened(ReferralView view, ReferralStage stage, Screening screening) {
        return copy(view, stage, screening, view.channelLiaison(), view.screeningOverdue());
    }

    private static ReferralView copy(ReferralView view, ReferralStage stage, Screening screening,
                                     boolean channelLiaison, boolean screeningOverdue) {
        return new ReferralView(view.referralId(), view.caseId(), view.districtId(), view.municipalityId(),
                view.channel(), view.referrerAgency(), view.externalReference(), view.subjectRef(), view.subject(),
                view.ageBand(), view.concernCategories(), view.concernSummary(), stage, view.receivedAt(), screening,
                view.version(), channelLiaison, screeningOverdue);
    }
}
