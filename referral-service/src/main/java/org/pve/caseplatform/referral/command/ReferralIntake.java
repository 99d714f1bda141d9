package org.pve.caseplatform.referral.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.referral.api.ReferralAccepted;
import org.pve.caseplatform.referral.matching.ExactMatch;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.springframework.stereotype.Component;

/**
 * Takes a referral in from any channel: claims its externalReference (a resend creates nothing new), derives the
 * subject's pseudonym, encrypts the identity and the concern under the subject's key, and records it.
 */
@Component
public class ReferralIntake {

    private static final String JOINS_OPEN_CASE = "joinsOpenCase";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Pseudonymiser pseudonymiser;
    private final PersonalDataVault vault;
    private final ExactMatch exactMatch;
    private final MongoCollection<Document> claims;
    private final ObjectMapper json = EventJson.newMapper();

    public ReferralIntake(CommandGateway commands, EventStore eventStore, Pseudonymiser pseudonymiser,
                          PersonalDataVault vault, ServiceDatabase database, ExactMatch exactMatch) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.pseudonymiser = pseudonymiser;
        this.vault = vault;
        this.exactMatch = exactMatch;
        this.claims = database.database().getCollection("external_references");
    }

    public ReferralAccepted receive(NewReferral referral) {
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        if (referral.externalReference() != null) {
            Document earlier = claim(referral.externalReference(), referralId, caseId);
            if (earlier != null) {
                return resend(referral, earlier);
            }
        }
        UUID openCase = exactMatch.caseFor(referral, caseId);
        boolean joinsOpenCase = !openCase.equals(caseId);
        if (joinsOpenCase && referral.externalReference() != null) {
            claims.updateOne(Filters.eq("_id", referral.externalReference()), Updates.combine(
                    Updates.set("caseId", openCase), Updates.set(JOINS_OPEN_CASE, true)));
        }
        try {
            commands.sendAndWait(command(referral, referralId, openCase, joinsOpenCase));
        } catch (RuntimeException e) {
            exactMatch.abandon(caseId);
            if (referral.externalReference() != null) {
                claims.deleteOne(Filters.eq("_id", referral.externalReference()));
            }
            throw e;
        }
        return new ReferralAccepted(referralId, openCase, true);
    }

    /**
     * A referral whose externalReference was claimed before. Usually it was recorded then, and the resend changes
     * nothing; but an attempt that died between its claim and its record left only the claim, and the resend then
     * records the referral under the claimed ids. Should that first attempt still be running, one of the two finds
     * the referral's stream already created, so it is recorded once either way.
     */
    private ReferralAccepted resend(NewReferral referral, Document earlier) {
        UUID referralId = earlier.get("referralId", UUID.class);
        UUID caseId = earlier.get("caseId", UUID.class);
        if (eventStore.lastSequenceNumberFor(referralId.toString()).isEmpty()) {
            try {
                commands.sendAndWait(command(referral, referralId, caseId, earlier.getBoolean(JOINS_OPEN_CASE, false)));
            } catch (AggregateStreamCreationException | ConcurrencyException e) {
                return new ReferralAccepted(referralId, caseId, false);
            }
        }
        return new ReferralAccepted(referralId, caseId, false);
    }

    /** Claims the reference for this referral; returns the earlier claim when there is one. */
    private Document claim(String externalReference, UUID referralId, UUID caseId) {
        try {
            claims.insertOne(new Document("_id", externalReference).append("referralId", referralId)
                    .append("caseId", caseId));
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return claims.find(Filters.eq("_id", externalReference)).first();
            }
            throw e;
        }
    }

    private ReceiveReferral command(NewReferral referral, UUID referralId, UUID caseId, boolean joinsOpenCase) {
        NewReferral.Subject subject = referral.subject();
        String subjectRef = subject == null ? null
                : pseudonymiser.subjectRef(subject.givenNames(), subject.familyName(), subject.dateOfBirth());
        String keyRef = PersonalDataKeys.keyRefFor(subjectRef, caseId);
        return new ReceiveReferral(referralId, caseId, referral.districtId(), referral.municipalityId(),
                referral.channel(), referral.referrerAgency(), referral.externalReference(), subjectRef,
                subject == null ? null : vault.encrypt(keyRef, toJson(subject)), referral.ageBand(),
                referral.concernCategories(), vault.encrypt(keyRef, referral.concernSummary()), joinsOpenCase);
    }

    private String toJson(NewReferral.Subject subject) {
        try {
            return json.writeValueAsString(subject);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write subject identity", e);
        }
    }
}
