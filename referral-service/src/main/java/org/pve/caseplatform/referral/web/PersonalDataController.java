package org.pve.caseplatform.referral.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.RectifiableField;
import org.pve.caseplatform.referral.api.ErasureReport;
import org.pve.caseplatform.referral.api.RectifyPersonalData;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.RevealIdentity;
import org.pve.caseplatform.referral.command.SubjectErasure;
import org.pve.caseplatform.referral.query.ReferralRecord;
import org.pve.caseplatform.referral.query.ReferralViewReader;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person's rights over a referral's personal data: a justified reveal of a pseudonymised identity (where the
 * practice model hides names), rectification and erasure through the data protection officer.
 */
@RestController
class PersonalDataController {

    private final ReferralAccess referrals;
    private final ReferralViewReader views;
    private final CommandGateway commands;
    private final PersonalDataVault vault;
    private final SubjectErasure erasure;
    private final AccessPolicy policy;
    private final ObjectMapper json = EventJson.newMapper();

    PersonalDataController(ReferralAccess referrals, ReferralViewReader views, CommandGateway commands,
                           PersonalDataVault vault, SubjectErasure erasure, AccessPolicy policy) {
        this.referrals = referrals;
        this.views = views;
        this.commands = commands;
        this.vault = vault;
        this.erasure = erasure;
        this.policy = policy;
    }

    /** Reveals the identity to the caller alone; answers the referral as they now see it, name included. */
    @PostMapping("/referrals/{referralId}/identity-reveals")
    ReferralView reveal(@PathVariable UUID referralId, @RequestBody(required = false) RevealRequest request,
                        Caller caller) {
        ReferralRecord record = referrals.require(caller, Operation.REVEAL_IDENTITY, referralId);
        if (views.namesShownByDefault(record.view().districtId())) {
            throw new LifecycleViolation("referralId", "names show by default in this district's practice model: "
                    + "there is nothing to reveal");
        }
        String justification = request == null || request.justification() == null ? ""
                : request.justification().strip();
        if (justification.length() < RevealIdentity.MINIMUM_JUSTIFICATION) {
            throw new InvalidRequest("justification", "must say why the identity is needed (at least "
                    + RevealIdentity.MINIMUM_JUSTIFICATION + " characters)");
        }
        commands.sendAndWait(new RevealIdentity(referralId, caller.id(), caller.role().name(), caller.agency(),
                justification));
        return referrals.answer(caller, referralId);
    }

    /** Corrects one personal field; the value is encrypted under the referral's key like the original. */
    @PostMapping("/referrals/{referralId}/rectifications")
    ReferralView rectify(@PathVariable UUID referralId, @Valid @RequestBody RectificationRequest request,
                         Caller caller) {
        ReferralRecord record = referrals.require(caller, Operation.RECTIFY_PERSONAL_DATA, referralId);
        String plaintext = plaintext(request);
        EncryptedValue value = vault.encrypt(record.keyRef(), plaintext);
        commands.sendAndWait(new RectifyPersonalData(referralId, request.field(), value, request.reason(),
                caller.id()));
        return referrals.answer(caller, referralId);
    }

    /** Erases the person (crypto-shredding) in every case of theirs; 404 when none is in the caller's districts. */
    @PostMapping("/subjects/{subjectRef}/erasure")
    ErasureReport erase(@PathVariable String subjectRef, @RequestBody(required = false) ErasureRequest request,
                        Caller caller) {
        policy.require(caller, Operation.ERASE_PERSONAL_DATA);
        return erasure.eraseOnRequest(subjectRef, caller::worksIn, caller.id());
    }

    private String plaintext(RectificationRequest request) {
        if (request.field() == RectifiableField.SUBJECT_IDENTITY) {
            if (request.subject() == null) {
                throw new InvalidRequest("subject", "is required to rectify SUBJECT_IDENTITY");
            }
            if (request.concernSummary() != null) {
                throw new InvalidRequest("concernSummary", "belongs to CONCERN_SUMMARY, not SUBJECT_IDENTITY");
            }
            try {
                return json.writeValueAsString(request.subject());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write subject identity", e);
            }
        }
        if (request.concernSummary() == null || request.concernSummary().isBlank()) {
            throw new InvalidRequest("concernSummary", "is required to rectify CONCERN_SUMMARY");
        }
        if (request.subject() != null) {
            throw new InvalidRequest("subject", "belongs to SUBJECT_IDENTITY, not CONCERN_SUMMARY");
        }
        return request.concernSummary();
    }
}
