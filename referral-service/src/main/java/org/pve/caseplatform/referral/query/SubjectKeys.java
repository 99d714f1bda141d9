package org.pve.caseplatform.referral.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Optional;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.referral.matching.BlindKeys;
import org.pve.caseplatform.referral.matching.NameKeys;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.springframework.stereotype.Component;

/**
 * Opens a received referral's encrypted identity just long enough to derive its blind name keys; nothing readable
 * is kept. An unknown subject, or one whose key was erased, has no keys and is matched with nothing.
 */
@Component
public class SubjectKeys {

    private final PersonalDataVault vault;
    private final BlindKeys blindKeys;
    private final ObjectMapper json = EventJson.newMapper();

    public SubjectKeys(PersonalDataVault vault, BlindKeys blindKeys) {
        this.vault = vault;
        this.blindKeys = blindKeys;
    }

    Optional<NameKeys> of(ReferralReceived event) {
        return vault.decrypt(event.subjectIdentity()).map(this::keys);
    }

    private NameKeys keys(String identityJson) {
        try {
            JsonNode identity = json.readTree(identityJson);
            JsonNode dateOfBirth = identity.path("dateOfBirth");
            return blindKeys.of(identity.path("givenNames").asText(""), identity.path("familyName").asText(""),
                    dateOfBirth.isTextual() ? LocalDate.parse(dateOfBirth.asText()) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subject identity", e);
        }
    }
}
