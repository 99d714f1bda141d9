package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The plaintext referral municipal and police systems send on integration.referrals.inbound. */
class InboundReferralSchemaTest {

    private static final String SAMPLE = "samples/inbound-referral.sample.json";

    private static ObjectNode sample() {
        return (ObjectNode) Schemas.readJson(SAMPLE);
    }

    private static boolean rejects(JsonNode message, String field) {
        return Schemas.errors(Schemas.INBOUND_REFERRAL, message).stream().anyMatch(m -> m.contains(field));
    }

    @Test
    void sampleIsAnInventedIntegrationReferralAndValidates() {
        ObjectNode sample = sample();

        assertThat(sample.path("channel").asText()).isEqualTo("INTEGRATION");
        assertThat(sample.at("/subject/familyName").asText()).isEqualTo("Testlund");
        assertThat(sample.path("districtId").asText()).isEqualTo("dk-fyn");
        assertThat(sample.path("municipalityId").asText()).isEqualTo("0461");
        assertThat(Schemas.errors(Schemas.INBOUND_REFERRAL, sample)).isEmpty();
    }

    @Test
    void referralAboutAnUnknownPersonValidatesWithoutSubject() {
        ObjectNode anonymous = sample();
        anonymous.remove("subject");
        anonymous.put("ageBand", "UNKNOWN");

        assertThat(Schemas.errors(Schemas.INBOUND_REFERRAL, anonymous)).isEmpty();
    }

    @Test
    void subjectWithoutDateOfBirthValidates() {
        ObjectNode noBirthDate = sample();
        ((ObjectNode) noBirthDate.get("subject")).remove("dateOfBirth");

        assertThat(Schemas.errors(Schemas.INBOUND_REFERRAL, noBirthDate)).isEmpty();
    }

    @Test
    void messageWithoutExternalReferenceFails() {
        ObjectNode message = sample();
        message.remove("externalReference");

        assertThat(rejects(message, "externalReference")).isTrue();
    }

    @Test
    void messageWithAnUnknownAgeBandFails() {
        ObjectNode message = sample();
        message.put("ageBand", "13_15");

        assertThat(rejects(message, "ageBand")).isTrue();
    }

    @Test
    void messageWithAPropertyTheContractDoesNotKnowFails() {
        ObjectNode message = sample();
        message.put("socialSecurityNumber", "140309-0000");

        assertThat(rejects(message, "socialSecurityNumber")).isTrue();
    }

    @Test
    void messageWithoutConcernCategoriesFails() {
        ObjectNode message = sample();
        message.putArray("concernCategories");

        assertThat(rejects(message, "concernCategories")).isTrue();
    }

    @Test
    void concernSummaryIsOneToFourThousandCharacters() {
        ObjectNode empty = sample();
        empty.put("concernSummary", "");
        ObjectNode longest = sample();
        longest.put("concernSummary", "x".repeat(4000));
        ObjectNode tooLong = sample();
        tooLong.put("concernSummary", "x".repeat(4001));

        assertThat(rejects(empty, "concernSummary")).isTrue();
        assertThat(Schemas.errors(Schemas.INBOUND_REFERRAL, longest)).isEmpty();
        assertThat(rejects(tooLong, "concernSummary")).isTrue();
    }

    @Test
    void externalReferenceIsOneToTwoHundredCharacters() {
        ObjectNode empty = sample();
        empty.put("externalReference", "");
        ObjectNode tooLong = sample();
        tooLong.put("externalReference", "r".repeat(201));

        assertThat(rejects(empty, "externalReference")).isTrue();
        assertThat(rejects(tooLong, "externalReference")).isTrue();
    }

    @Test
    void dateOfBirthMustBeAnIsoDate() {
        ObjectNode localFormat = sample();
        ((ObjectNode) localFormat.get("subject")).put("dateOfBirth", "14-03-2009");
        ObjectNode impossible = sample();
        ((ObjectNode) impossible.get("subject")).put("dateOfBirth", "2009-02-30");

        assertThat(rejects(localFormat, "dateOfBirth")).isTrue();
        assertThat(rejects(impossible, "dateOfBirth")).isTrue();
    }

    @Test
    void unknownChannelOrAgencyOrMalformedDistrictFails() {
        ObjectNode channel = sample();
        channel.put("channel", "KAFKA");
        ObjectNode agency = sample();
        agency.put("referrerAgency", "SCHOOL");
        ObjectNode district = sample();
        district.put("districtId", "Fyns Politi");

        assertThat(rejects(channel, "channel")).isTrue();
        assertThat(rejects(agency, "referrerAgency")).isTrue();
        assertThat(rejects(district, "districtId")).isTrue();
    }
}
