package org.pve.caseplatform.referral.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.contract.RectifiableField;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;
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
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.stereotype.Component;

/**
 * Builds a referral's view from its own events, decrypting what the key store can still open, and shapes it for a
 * caller: where the practice model does not show names by default, the identity shows only to those it was revealed
 * to. A field whose key was destroyed (erasure, retention) reads as absent, and the view says it was erased.
 */
@Component
public class ReferralViewReader {

    private final EventStreams streams;
    private final PersonalDataVault vault;
    private final DistrictDirectory districts;
    private final ObjectMapper json = EventJson.newMapper();

    public ReferralViewReader(EventStreams streams, PersonalDataVault vault, DistrictDirectory districts) {
        this.streams = streams;
        this.vault = vault;
        this.districts = districts;
    }

    /** The referral as its events tell it; {@link UnknownRecord} when there is no such referral. */
    public ReferralRecord record(UUID referralId) {
        EventStreams.Stream stream = streams.of(referralId.toString());
        if (!(stream.events().get(0) instanceof ReferralReceived received)) {
            throw new UnknownRecord(referralId.toString());
        }
        Building building = new Building(received, stream.version());
        stream.events().stream().skip(1).forEach(building::apply);
        return building.record();
    }

    /** The full view, names included: for callers the practice model or a reveal lets see them. */
    public ReferralView find(UUID referralId) {
        return record(referralId).view();
    }

    /** The view as {@code callerId} may see it: the identity hidden unless names show or it was revealed to them. */
    public ReferralView asSeenBy(ReferralRecord record, String callerId) {
        ReferralView view = record.view();
        if (view.subject() == null || namesShownByDefault(view.districtId())
                || record.revealedTo().contains(callerId)) {
            return view;
        }
        return view.withIdentityHidden();
    }

    public boolean namesShownByDefault(String districtId) {
        return districts.find(districtId).map(district -> district.practiceModel().namesShownByDefault())
                .orElse(true);
    }

    /** The referral's state, folded event by event; personal fields are decrypted as they come. */
    private final class Building {

        private final UUID referralId;
        private final String districtId;
        private final String municipalityId;
        private final Channel channel;
        private final Agency referrerAgency;
        private final String externalReference;
        private final String subjectRef;
        private final AgeBand ageBand;
        private final List<ConcernCategory> concernCategories;
        private final Instant receivedAt;
        private final String keyRef;
        private final boolean identified;
        private final long version;
        private final Set<String> revealedTo = new HashSet<>();
        private UUID caseId;
        private Subject subject;
        private String concernSummary;
        private ReferralStage stage = ReferralStage.AWAITING_SCREENING;
        private Screening screening;
        private boolean channelLiaison;
        private boolean screeningOverdue;
        private boolean erased;
        private boolean handedBack;

        Building(ReferralReceived received, long version) {
            this.referralId = received.referralId();
            this.caseId = received.caseId();
            this.districtId = received.districtId();
            this.municipalityId = received.municipalityId();
            this.channel = received.channel();
            this.referrerAgency = received.referrerAgency();
            this.externalReference = received.externalReference();
            this.subjectRef = received.subjectRef();
            this.ageBand = received.ageBand();
            this.concernCategories = received.concernCategories();
            this.receivedAt = received.occurredAt();
            this.keyRef = PersonalDataKeys.keyRefFor(received.subjectRef(), received.caseId());
            this.identified = received.subjectIdentity() != null;
            this.version = version;
            this.subject = subject(received.subjectIdentity());
            this.concernSummary = text(received.concernSummary());
        }

        void apply(CaseEvent event) {
            if (event instanceof SecurityScreenCleared cleared) {
                stage = ReferralStage.CLEARED;
                screening = new Screening("CLEAR", cleared.screenedBy(), cleared.rationale(),
                        channelLiaison ? SecurityDestination.CHANNEL_PANEL.name() : null, null, cleared.occurredAt());
            } else if (event instanceof ReferralEscalatedToSecurity escalated) {
                escalated(escalated);
            } else if (event instanceof CaseReturnedFromSecurity) {
                handedBack = true;
                stage = ReferralStage.AWAITING_SCREENING;
                screening = null;
            } else if (event instanceof ScreeningOverdue) {
                screeningOverdue = true;
            } else if (event instanceof ReferralClosedNoFurtherAction closed) {
                stage = ReferralStage.CLOSED_NO_FURTHER_ACTION;
                screening = new Screening("CLOSE", closed.screenedBy(), closed.rationale(), null,
                        closed.reason().name(), closed.occurredAt());
            } else if (event instanceof ReferralLinkedToCase linked) {
                caseId = linked.caseId();
            } else if (event instanceof ReferralUnlinkedFromCase unlinked) {
                caseId = unlinked.restoredCaseId();
            } else if (event instanceof IdentityRevealed revealed) {
                revealedTo.add(revealed.revealedTo());
            } else if (event instanceof PersonalDataRectified rectified) {
                rectified(rectified);
            } else if (event instanceof PersonalDataErased) {
                erased = true;
            }
        }

        private void escalated(ReferralEscalatedToSecurity escalated) {
            if (escalated.escalatedTo() == SecurityDestination.CHANNEL_PANEL) {
                channelLiaison = true;
                return;
            }
            stage = ReferralStage.ESCALATED_TO_SECURITY;
            handedBack = false;
            screening = new Screening("ESCALATE", escalated.screenedBy(), escalated.rationale(),
                    escalated.escalatedTo().name(), null, escalated.occurredAt());
        }

        private void rectified(PersonalDataRectified rectified) {
            if (rectified.field() == RectifiableField.SUBJECT_IDENTITY) {
                subject = subject(rectified.value());
            } else {
                concernSummary = text(rectified.value());
            }
        }

        /** Decrypts a field; one that cannot be opened any more (its key destroyed) marks the referral erased. */
        private String text(EncryptedValue value) {
            if (value == null) {
                return null;
            }
            String plaintext = vault.decrypt(value).orElse(null);
            if (plaintext == null) {
                erased = true;
            }
            return plaintext;
        }

        private Subject subject(EncryptedValue identity) {
            String identityJson = text(identity);
            if (identityJson == null) {
                return null;
            }
            try {
                return json.readValue(identityJson, Subject.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable subject identity", e);
            }
        }

        ReferralRecord record() {
            ReferralView view = new ReferralView(referralId, caseId, districtId, municipalityId, channel,
                    referrerAgency, externalReference, subjectRef, erased ? null : subject, ageBand,
                    concernCategories, erased ? null : concernSummary, stage, receivedAt, screening, version,
                    channelLiaison, screeningOverdue, false, erased);
            return new ReferralRecord(view, keyRef, revealedTo, identified, handedBack);
        }
    }
}
