package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;
import org.pve.caseplatform.contract.referral.ReferralReceived;

/** Events as EventJson writes them validate against their schemas, and broken ones do not. */
class EventSchemaValidationTest {

    private static final String CASE = "5b1f0c7e-2d4a-4e8b-9c3f-7a6d1e2b3c4d";

    private final ObjectMapper mapper = EventJson.newMapper();

    static Stream<EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    static Stream<EventType> eventsWithPersonalFields() {
        return catalogue().filter(EventSamples::hasPersonalFields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void sampleOfEveryEventValidates(EventType type) {
        JsonNode json = mapper.valueToTree(EventSamples.sampleOf(type));

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).as("%s", json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithPersonalFields")
    void eventWithErasedPersonalFieldsValidates(EventType type) {
        JsonNode json = mapper.valueToTree(EventSamples.erasedSampleOf(type));

        assertThat(json.toString()).contains("{\"erased\":true}");
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).as("%s", json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eventWithoutCaseIdFails(EventType type) {
        Map<String, Object> noCaseId = new HashMap<>();
        noCaseId.put("caseId", null);
        JsonNode json = mapper.valueToTree(EventSamples.sampleWith(type, noCaseId));

        assertThat(json.has("caseId")).isFalse();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).anyMatch(m -> m.contains("caseId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eventWithMalformedIdOrLocalTimeFails(EventType type) {
        ObjectNode badId = mapper.valueToTree(EventSamples.sampleOf(type));
        badId.put("caseId", "case-42");
        ObjectNode localTime = mapper.valueToTree(EventSamples.sampleOf(type));
        localTime.put("occurredAt", "2025-03-14T10:30:15+01:00");
        ObjectNode badDistrict = mapper.valueToTree(EventSamples.sampleOf(type));
        badDistrict.put("districtId", "DK FYN");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), badId)).anyMatch(m -> m.contains("caseId"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), localTime)).anyMatch(m -> m.contains("occurredAt"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), badDistrict)).anyMatch(m -> m.contains("districtId"));
    }

    @Test
    void eventToleratesAPropertyItDoesNotKnow() {
        EventType type = EventCatalogue.of(ReferralReceived.class);
        ObjectNode json = mapper.valueToTree(EventSamples.sampleOf(type));
        json.put("addedInALaterRelease", "ignored by older consumers");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).isEmpty();
    }

    @Test
    void integrationReferralWithoutExternalReferenceFails() {
        EventType type = EventCatalogue.of(ReferralReceived.class);
        Map<String, Object> integration = new HashMap<>();
        integration.put("channel", Channel.INTEGRATION);
        JsonNode withReference = mapper.valueToTree(EventSamples.sampleWith(type, integration));
        integration.put("externalReference", null);
        JsonNode withoutReference = mapper.valueToTree(EventSamples.sampleWith(type, integration));
        Map<String, Object> helpline = new HashMap<>(integration);
        helpline.put("channel", Channel.HELPLINE);
        JsonNode helplineWithoutReference = mapper.valueToTree(EventSamples.sampleWith(type, helpline));

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), withReference)).isEmpty();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), withoutReference))
                .anyMatch(m -> m.contains("externalReference"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), helplineWithoutReference)).isEmpty();
    }

    @Test
    void referralAboutAnUnknownSubjectValidatesWithoutSubjectFields() {
        EventType type = EventCatalogue.of(ReferralReceived.class);
        Map<String, Object> unknownSubject = new HashMap<>();
        unknownSubject.put("subjectRef", null);
        unknownSubject.put("subjectIdentity", null);
        JsonNode json = mapper.valueToTree(EventSamples.sampleWith(type, unknownSubject));

        assertThat(json.has("subjectRef")).isFalse();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).isEmpty();
    }

    @Test
    void referralWithoutConcernCategoriesOrWithAnUnknownAgeBandFails() {
        EventType type = EventCatalogue.of(ReferralReceived.class);
        ObjectNode noCategories = mapper.valueToTree(EventSamples.sampleOf(type));
        noCategories.putArray("concernCategories");
        ObjectNode javaAgeBand = mapper.valueToTree(EventSamples.sampleOf(type));
        javaAgeBand.put("ageBand", "AGE_12_15");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), noCategories))
                .anyMatch(m -> m.contains("concernCategories"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), javaAgeBand)).anyMatch(m -> m.contains("ageBand"));
    }

    @Test
    void familyGroupWithoutMembersOrWithAnUnknownRelationFails() {
        EventType type = EventCatalogue.of(FamilyGroupFormed.class);
        ObjectNode noMembers = mapper.valueToTree(EventSamples.sampleOf(type));
        noMembers.putArray("members");
        ObjectNode unknownRelation = mapper.valueToTree(EventSamples.sampleOf(type));
        ((ObjectNode) unknownRelation.get("members").get(0)).put("relation", "NEIGHBOUR");
        ObjectNode memberWithoutCase = mapper.valueToTree(EventSamples.sampleOf(type));
        ((ObjectNode) memberWithoutCase.get("members").get(0)).remove("caseId");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), noMembers)).anyMatch(m -> m.contains("members"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), unknownRelation))
                .anyMatch(m -> m.contains("relation"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), memberWithoutCase))
                .anyMatch(m -> m.contains("caseId"));
    }

    @Test
    void accessLogEntryWithAnUnknownRoleOrPurposeOrAMalformedViewFails() {
        EventType type = EventCatalogue.of(CaseRecordAccessed.class);
        ObjectNode javaRole = mapper.valueToTree(EventSamples.sampleOf(type));
        javaRole.put("role", "ROLE_PANEL_MEMBER");
        ObjectNode unknownPurpose = mapper.valueToTree(EventSamples.sampleOf(type));
        unknownPurpose.put("purpose", "CURIOSITY");
        ObjectNode spacedView = mapper.valueToTree(EventSamples.sampleOf(type));
        spacedView.put("view", "Case History");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), javaRole)).anyMatch(m -> m.contains("role"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), unknownPurpose))
                .anyMatch(m -> m.contains("purpose"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), spacedView)).anyMatch(m -> m.contains("view"));
    }

    @Test
    void accessLogEntryNamesItsPurposeAndMayLackAnAgency() {
        EventType type = EventCatalogue.of(CaseRecordAccessed.class);
        Map<String, Object> prosecution = new HashMap<>();
        prosecution.put("purpose", AccessPurpose.PROSECUTION);
        prosecution.put("agency", null);
        JsonNode json = mapper.valueToTree(EventSamples.sampleWith(type, prosecution));
        Map<String, Object> noPurpose = new HashMap<>();
        noPurpose.put("purpose", null);

        assertThat(json.path("purpose").asText()).isEqualTo("PROSECUTION");
        assertThat(json.has("agency")).isFalse();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).isEmpty();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type),
                mapper.valueToTree(EventSamples.sampleWith(type, noPurpose)))).anyMatch(m -> m.contains("purpose"));
    }

    @Test
    void erasureOfANeverIdentifiedSubjectValidatesWithoutSubjectRefButNeverWithoutTheKey() {
        EventType type = EventCatalogue.of(PersonalDataErased.class);
        Map<String, Object> unidentified = new HashMap<>();
        unidentified.put("caseId", UUID.fromString(CASE));
        unidentified.put("subjectRef", null);
        unidentified.put("keyRef", PersonalDataKeys.keyRefFor(null, UUID.fromString(CASE)));
        Map<String, Object> noKey = new HashMap<>();
        noKey.put("keyRef", null);
        ObjectNode unknownReason = mapper.valueToTree(EventSamples.sampleOf(type));
        unknownReason.put("reason", "FORGOTTEN");

        JsonNode json = mapper.valueToTree(EventSamples.sampleWith(type, unidentified));
        assertThat(json.has("subjectRef")).isFalse();
        assertThat(json.path("keyRef").asText()).isEqualTo("case-" + CASE);
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), json)).isEmpty();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type),
                mapper.valueToTree(EventSamples.sampleWith(type, noKey)))).anyMatch(m -> m.contains("keyRef"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), unknownReason)).anyMatch(m -> m.contains("reason"));
    }

    @Test
    void rectificationWithAPlaintextValueOrAnUnknownFieldFails() {
        EventType type = EventCatalogue.of(PersonalDataRectified.class);
        ObjectNode plaintext = mapper.valueToTree(EventSamples.sampleOf(type));
        plaintext.put("value", "Mika Testlund");
        ObjectNode unknownField = mapper.valueToTree(EventSamples.sampleOf(type));
        unknownField.put("field", "DATE_OF_BIRTH");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), plaintext)).anyMatch(m -> m.contains("value"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), unknownField)).anyMatch(m -> m.contains("field"));
    }

    @Test
    void identityRevealedWithoutAJustificationOrSubjectFails() {
        EventType type = EventCatalogue.of(IdentityRevealed.class);
        ObjectNode emptyJustification = mapper.valueToTree(EventSamples.sampleOf(type));
        emptyJustification.put("justification", "");
        ObjectNode noSubject = mapper.valueToTree(EventSamples.sampleOf(type));
        noSubject.remove("subjectRef");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), emptyJustification))
                .anyMatch(m -> m.contains("justification"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), noSubject)).anyMatch(m -> m.contains("subjectRef"));
    }

    @Test
    void confidentialityAgreementWithoutItsEndOrWithALocalTimeFails() {
        EventType type = EventCatalogue.of(ConfidentialityAgreementRecorded.class);
        ObjectNode noEnd = mapper.valueToTree(EventSamples.sampleOf(type));
        noEnd.remove("validUntil");
        ObjectNode localTime = mapper.valueToTree(EventSamples.sampleOf(type));
        localTime.put("validUntil", "2025-04-13T09:30:15+02:00");

        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), noEnd)).anyMatch(m -> m.contains("validUntil"));
        assertThat(Schemas.errors(Schemas.eventSchemaPath(type), localTime)).anyMatch(m -> m.contains("validUntil"));
    }

    @Test
    void encryptedValueIsCiphertextOrErasedAndNothingInBetween() throws JsonProcessingException {
        String definition = Schemas.COMMON + "#/$defs/encryptedValue";
        String ciphertext = "\"keyRef\":\"subj-1\",\"alg\":\"AES-256-GCM\",\"iv\":\"aXY=\",\"ciphertext\":\"Y3Q=\"";

        assertThat(errors(definition, "{" + ciphertext + "}")).isEmpty();
        assertThat(errors(definition, "{" + ciphertext + ",\"erased\":false}")).isEmpty();
        assertThat(errors(definition, "{" + ciphertext + ",\"erased\":true}")).isNotEmpty();
        assertThat(errors(definition, "{\"erased\":true}")).isEmpty();
        assertThat(errors(definition, "{\"erased\":false}")).isNotEmpty();
        assertThat(errors(definition, "{\"erased\":true,\"ciphertext\":\"Y3Q=\"}")).isNotEmpty();
        assertThat(errors(definition, "{\"alg\":\"AES-256-GCM\",\"iv\":\"aXY=\",\"ciphertext\":\"Y3Q=\"}"))
                .isNotEmpty();
        assertThat(errors(definition, "\"Mika Testlund\"")).isNotEmpty();
    }

    private List<String> errors(String schemaLocation, String instance) throws JsonProcessingException {
        return Schemas.validator(schemaLocation).validate(mapper.readTree(instance)).stream()
                .map(ValidationMessage::getMessage).toList();
    }
}
