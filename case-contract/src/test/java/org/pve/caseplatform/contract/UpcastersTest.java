package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.upcasting.EventUpcaster;
import org.pve.caseplatform.contract.upcasting.UnknownEventRevision;
import org.pve.caseplatform.contract.upcasting.Upcasters;

/** Old revisions of events, kept as JSON fixtures, read through the upcasters into the current shape. */
class UpcastersTest {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String FIXTURE = "fixtures/AssessmentOpened.v1.json";

    @Test
    void theRevisionOneFixtureIsValidAgainstTheRevisionOneSchemaAndNotTheCurrentOne() {
        JsonNode v1 = Schemas.readJson(FIXTURE);

        assertThat(Schemas.errors(Schemas.EVENTS + "AssessmentOpened.v1.schema.json", v1)).isEmpty();
        assertThat(Schemas.errors(Schemas.eventSchemaPath(EventCatalogue.of(AssessmentOpened.class)), v1))
                .isNotEmpty();
    }

    @Test
    void anAssessmentOpenedOfRevisionOneReadsAsTheCurrentRecordWithItsFrameworkFamily() throws Exception {
        JsonNode current = Upcasters.toCurrent("AssessmentOpened", 1, Schemas.readJson(FIXTURE));

        assertThat(Schemas.errors(Schemas.eventSchemaPath(EventCatalogue.of(AssessmentOpened.class)), current))
                .isEmpty();
        assertThat(JSON.treeToValue(current, AssessmentOpened.class)).isEqualTo(new AssessmentOpened(
                UUID.fromString("5b0e6f0e-3c1a-4a4e-9a55-0c7a1d2e3f40"), "uk-luton",
                Instant.parse("2026-03-02T09:15:00.123456Z"), "sub-invented-0001", "uk-safeguarding", 1,
                List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.HEALTH),
                Instant.parse("2026-03-23T09:15:00.123456Z")));
    }

    @Test
    void upcastingLeavesTheOriginalJsonAsItWas() {
        JsonNode v1 = Schemas.readJson(FIXTURE);

        Upcasters.toCurrent("AssessmentOpened", 1, v1);

        assertThat(v1.has("frameworkId")).isTrue();
        assertThat(v1.has("frameworkFamily")).isFalse();
    }

    @Test
    void anEventAtTheCurrentRevisionIsReadAsItIs() {
        JsonNode v2 = Upcasters.toCurrent("AssessmentOpened", 1, Schemas.readJson(FIXTURE));

        assertThat(Upcasters.toCurrent("AssessmentOpened", 2, v2)).isSameAs(v2);
    }

    @Test
    void aRevisionNewerThanTheCatalogueKnowsIsADeploymentError() {
        JsonNode json = Schemas.readJson(FIXTURE);

        assertThatThrownBy(() -> Upcasters.toCurrent("AssessmentOpened", 3, json))
                .isInstanceOf(UnknownEventRevision.class)
                .hasMessageContaining("AssessmentOpened revision 3 is newer than this build knows (revision 2)");
    }

    @Test
    void everyRevisionBelowTheCurrentHasAnUpcasterAndItsOldSchema() {
        for (EventType type : EventCatalogue.all()) {
            for (int revision = 1; revision < type.revision(); revision++) {
                assertThat(Upcasters.step(type.name(), revision)).as("%s from revision %d", type.name(), revision)
                        .isPresent();
                assertThat(Schemas.exists(Schemas.EVENTS + type.name() + ".v" + revision + ".schema.json"))
                        .as("the schema of %s revision %d is kept", type.name(), revision).isTrue();
            }
        }
        for (EventUpcaster upcaster : Upcasters.all()) {
            assertThat(EventCatalogue.byName(upcaster.eventType())).isPresent();
            assertThat(upcaster.getClass().getSimpleName()).isEqualTo(upcaster.eventType()
                    + upcaster.fromRevision() + "_to_" + (upcaster.fromRevision() + 1) + "Upcaster");
        }
    }
}
