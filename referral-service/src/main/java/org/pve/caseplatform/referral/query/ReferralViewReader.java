package org.pve.caseplatform.referral.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.ReferralView.Screening;
import org.pve.caseplatform.referral.api.ReferralView.Subject;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.EventStreams;
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

    private ReferralView apply(ReferralView view, CaseEvent event, long version) {
        if (event instanceof ReferralReceived received) {
            return new ReferralView(received.referralId(), received.caseId(), received.districtId(),
                    received.municipalityId(), received.channel(), received.referrerAgency(),
                    received.externalReference(), received.subjectRef(), subject(received), received.ageBand(),
                    received.concernCategories(), vault.decrypt(received.concernSummary()).orElse(null),
                    ReferralStage.AWAITING_SCREENING, received.occurredAt(), null, version);
        }
        if (event instanceof SecurityScreenCleared cleared) {
            return screened(view, ReferralStage.CLEARED, new Screening("CLEAR", cleared.screenedBy(),
                    cleared.rationale(), null, null, cleared.occurredAt()));
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
        return view;
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
        return new ReferralView(view.referralId(), view.caseId(), view.districtId(), view.municipalityId(),
                view.channel(), view.referrerAgency(), view.externalReference(), view.subjectRef(), view.subject(),
                view.ageBand(), view.concernCategories(), view.concernSummary(), stage, view.receivedAt(), screening,
                view.version());
    }
}
