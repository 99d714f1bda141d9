package org.pve.caseplatform.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.referral.inbound.InboundSamples.bytes;
import static org.pve.caseplatform.referral.inbound.InboundSamples.reference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.support.reference.DistrictDirectory;

class InboundReferralReaderTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private final InboundReferralReader reader =
            new InboundReferralReader(VALIDATION.getValidator(), DistrictDirectory.load());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void theRepositorysSampleReadsAsTheReferralItDescribes() {
        ObjectNode sample = InboundSamples.referral();

        Reading reading = reader.read(reference(sample), bytes(sample));

        assertThat(reading).isInstanceOf(Reading.Accepted.class);
        var referral = ((Reading.Accepted) reading).referral();
        assertThat(referral.channel()).isEqualTo(Channel.INTEGRATION);
        assertThat(referral.ageBand()).isEqualTo(AgeBand.AGE_16_17);
        assertThat(referral.subject().dateOfBirth()).isEqualTo(LocalDate.parse("2009-03-14"));
        assertThat(referral.externalReference()).isEqualTo(reference(sample));
    }

    @Test
    void anAnonymousReferralWithoutSubjectIsTaken() {
        ObjectNode anonymous = InboundSamples.referral();
        anonymous.remove("subject");

        assertThat(reader.read(reference(anonymous), bytes(anonymous))).isInstanceOf(Reading.Accepted.class);
    }

    @Test
    void textThatIsNotJsonIsRefusedAsNotWellFormed() {
        assertThat(reason(reader.read("ext-1", "{not json".getBytes(StandardCharsets.UTF_8))))
                .startsWith("$: not well-formed JSON (line 1, column ");
        assertThat(reason(reader.read("ext-1", "{} {}".getBytes(StandardCharsets.UTF_8))))
                .startsWith("$: not well-formed JSON");
        assertThat(reason(reader.read("ext-1", new byte[] {(byte) 0xC3, (byte) 0x28})))
                .startsWith("$: not well-formed JSON");
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertThat(reason(reader.read("ext-1", new byte[0]))).isEqualTo("$: empty message: a JSON object is expected");
        assertThat(reason(reader.read("ext-1", null))).isEqualTo("$: empty message: a JSON object is expected");
    }

    @Test
    void anUnknownAgeBandIsRefusedNamingTheFieldAndTheAllowedValuesButNotTheValueSent() {
        ObjectNode referral = InboundSamples.referral();
        referral.put("ageBand", "SEVENTEEN_ISH");

        String reason = reason(reader.read(reference(referral), bytes(referral)));

        assertThat(reason).isEqualTo("$.ageBand: does not have a value in the enumeration "
                + "[\"UNDER_12\", \"12_15\", \"16_17\", \"18_24\", \"25_PLUS\", \"UNKNOWN\"]");
    }

    @Test
    void aMissingExternalReferenceIsRefusedAsRequired() {
        ObjectNode referral = InboundSamples.referral();
        referral.remove("externalReference");

        assertThat(reason(reader.read("ext-1", bytes(referral)))).isEqualTo("$.externalReference: is required");
    }

    @Test
    void everySchemaViolationIsListed() {
        ObjectNode referral = InboundSamples.referral();
        referral.put("channel", "PIGEON");
        referral.remove("concernSummary");
        ((ObjectNode) referral.get("subject")).put("dateOfBirth", "14.03.2009");

        Reading.Refused refused = (Reading.Refused) reader.read(reference(referral), bytes(referral));

        assertThat(refused.problems()).extracting(Problem::field)
                .containsOnly("$.channel", "$.concernSummary", "$.subject.dateOfBirth");
        assertThat(refused.reason()).contains("$.concernSummary: is required",
                "$.subject.dateOfBirth: does not match the date pattern must be a valid RFC 3339 full-date");
        assertThat(refused.reason()).doesNotContain("PIGEON", "14.03.2009");
    }

    @Test
    void anUnknownPropertyIsNamedOnlyWhenItLooksLikeAFieldName() {
        ObjectNode referral = InboundSamples.referral();
        referral.put("priority", "HIGH");
        ObjectNode leaked = InboundSamples.referral();
        ((ObjectNode) leaked.get("subject")).put("Mika Testlund 2009-03-14", true);

        assertThat(reason(reader.read(reference(referral), bytes(referral)))).isEqualTo(
                "$: property 'priority' is not defined in the schema (additionalProperties is false)");
        assertThat(reason(reader.read(reference(leaked), bytes(leaked)))).isEqualTo(
                "$.subject: has a property that is not defined in the schema (additionalProperties is false)");
    }

    @Test
    void theRecordKeyMustBeTheExternalReference() {
        ObjectNode referral = InboundSamples.referral();

        assertThat(reason(reader.read("someone-elses-reference", bytes(referral))))
                .isEqualTo("key: the record key must equal $.externalReference");
        assertThat(reason(reader.read(null, bytes(referral))))
                .isEqualTo("key: the record key must equal $.externalReference");
    }

    @Test
    void theRulesOfHttpIntakeApplyBeyondTheSchema() {
        ObjectNode referral = InboundSamples.referral();
        ((ObjectNode) referral.get("subject")).put("dateOfBirth", LocalDate.now().plusYears(1).toString());

        assertThat(reason(reader.read(reference(referral), bytes(referral))))
                .isEqualTo("$.subject.dateOfBirth: must be a date in the past or in the present");
    }

    @Test
    void anUnknownDistrictIsRefusedNamingDistrictId() {
        ObjectNode referral = InboundSamples.referral();
        referral.put("districtId", "xx-nowhere");

        assertThat(reason(reader.read(reference(referral), bytes(referral))))
                .isEqualTo("$.districtId: is not a known district");
    }

    @Test
    void noReasonQuotesThePersonalDataOfTheMessage() {
        ObjectNode referral = InboundSamples.referral();
        ObjectNode subject = (ObjectNode) referral.get("subject");
        subject.put("givenNames", "M".repeat(201));
        subject.put("familyName", 42);
        referral.put("concernSummary", "");

        String reason = reason(reader.read(reference(referral), bytes(referral)));

        assertThat(reason).contains("$.subject.givenNames", "$.subject.familyName", "$.concernSummary")
                .doesNotContain("MMM", "42", "Mika", "Testlund", "2009-03-14");
    }

    private static String reason(Reading reading) {
        assertThat(reading).isInstanceOf(Reading.Refused.class);
        return ((Reading.Refused) reading).reason();
    }
}
