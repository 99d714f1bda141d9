package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pve.caseplatform.contract.plan.PlanOpened;

/** Every event reads back from its EventJson form as an equal record. */
class EventJsonRoundTripTest {

    private final ObjectMapper mapper = EventJson.newMapper();

    static Stream<EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    static Stream<EventType> eventsWithPersonalFields() {
        return catalogue().filter(EventSamples::hasPersonalFields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eventReadsBackEqual(EventType type) throws Exception {
        CaseEvent event = EventSamples.sampleOf(type);

        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, type.recordClass())).as(json).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsWithPersonalFields")
    void eventWithErasedPersonalFieldsReadsBackEqual(EventType type) throws Exception {
        CaseEvent event = EventSamples.erasedSampleOf(type);

        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, type.recordClass())).as(json).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void occurredAtTravelsAsAnIsoUtcString(EventType type) {
        JsonNode json = mapper.valueToTree(EventSamples.sampleOf(type));

        assertThat(json.get("occurredAt").isTextual()).isTrue();
        assertThat(json.get("occurredAt").asText()).isEqualTo("2025-03-14T09:30:15.250Z");
    }

    @Test
    void encryptedValueTravelsAsExactlyItsDocumentedFields() {
        JsonNode ciphertext = mapper.valueToTree(EncryptedValue.of("subj-1", "aXY=", "Y3Q="));
        JsonNode erased = mapper.valueToTree(EncryptedValue.erasedValue());

        assertThat(EventSchemaTest.fieldNames(ciphertext))
                .as("wire form of a ciphertext: %s", ciphertext)
                .containsExactly("keyRef", "alg", "iv", "ciphertext");
        assertThat(erased.toString()).isEqualTo("{\"erased\":true}");
    }

    @Test
    void aPlanOpenedWrittenBeforeItNamedItsAgenciesStillReads() throws Exception {
        String before = "{\"caseId\":\"00000000-0000-0000-0000-0000000000c7\",\"districtId\":\"dk-fyn\","
                + "\"occurredAt\":\"2025-03-14T09:30:15.250Z\",\"subjectRef\":\"subj-1\",\"formulationVersion\":1,"
                + "\"needs\":[\"mentoring\"],\"interventionLevel\":\"TARGETED\",\"reviewCadenceDays\":30}";

        PlanOpened opened = mapper.readValue(before, PlanOpened.class);

        assertThat(opened.reviewCadenceDays()).isEqualTo(30);
        assertThat(opened.leadAgency()).isNull();
        assertThat(opened.panelAgencies()).isNull();
    }
}
