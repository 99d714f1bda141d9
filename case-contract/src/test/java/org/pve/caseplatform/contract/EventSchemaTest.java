package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementExpired;
import org.pve.caseplatform.contract.assessment.ConfidentialityAgreementRecorded;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.PersonalDataRectified;

/** Every catalogued event has a JSON schema whose properties are exactly its record's components. */
class EventSchemaTest {

    /** The shared definition that lists each enum's wire values. */
    private static final Map<Class<?>, String> ENUM_DEFINITIONS = new LinkedHashMap<>();

    static {
        ENUM_DEFINITIONS.put(Agency.class, "agency");
        ENUM_DEFINITIONS.put(Channel.class, "channel");
        ENUM_DEFINITIONS.put(AgeBand.class, "ageBand");
        ENUM_DEFINITIONS.put(ConcernCategory.class, "concernCategory");
        ENUM_DEFINITIONS.put(InterventionLevel.class, "interventionLevel");
        ENUM_DEFINITIONS.put(SecurityDestination.class, "securityDestination");
        ENUM_DEFINITIONS.put(NoFurtherActionReason.class, "noFurtherActionReason");
        ENUM_DEFINITIONS.put(ServiceType.class, "serviceType");
        ENUM_DEFINITIONS.put(Engagement.class, "engagement");
        ENUM_DEFINITIONS.put(ClosureOutcome.class, "closureOutcome");
        ENUM_DEFINITIONS.put(FamilyRelation.class, "familyRelation");
        ENUM_DEFINITIONS.put(AccessPurpose.class, "accessPurpose");
        ENUM_DEFINITIONS.put(ErasureReason.class, "erasureReason");
        ENUM_DEFINITIONS.put(RectifiableField.class, "rectifiableField");
        ENUM_DEFINITIONS.put(ConsentGiver.class, "consentGiver");
        ENUM_DEFINITIONS.put(ReviewDecision.class, "reviewDecision");
        ENUM_DEFINITIONS.put(ReviewReason.class, "reviewReason");
        ENUM_DEFINITIONS.put(SharingPurpose.class, "sharingPurpose");
        ENUM_DEFINITIONS.put(PanelDecision.class, "panelDecision");
    }

    static Stream<EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    @Test
    void catalogueIsNotEmpty() {
        assertThat(EventCatalogue.all()).hasSizeGreaterThanOrEqualTo(17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCataloguedEventHasASchemaFile(EventType type) {
        assertThat(Schemas.exists(Schemas.eventSchemaPath(type)))
                .as("schema file %s", Schemas.eventSchemaPath(type)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) {
        JsonNode schema = Schemas.readJson(Schemas.eventSchemaPath(type));

        assertThat(fieldNames(schema.get("properties")))
                .as("properties of %s", type.name())
                .containsExactlyInAnyOrderElementsOf(componentNames(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schemaRequiresTheFieldsEveryEventCarries(EventType type) {
        JsonNode schema = Schemas.readJson(Schemas.eventSchemaPath(type));

        assertThat(texts(schema.get("required"))).contains("caseId", "districtId", "occurredAt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void requiredFieldsAreDeclaredAndPrimitivesAreRequired(EventType type) {
        JsonNode schema = Schemas.readJson(Schemas.eventSchemaPath(type));
        List<String> required = texts(schema.get("required"));
        List<String> primitives = Arrays.stream(type.recordClass().getRecordComponents())
                .filter(c -> c.getType().isPrimitive()).map(RecordComponent::getName).toList();

        assertThat(fieldNames(schema.get("properties"))).containsAll(required);
        assertThat(required).as("a primitive is always written, and reads as 0 or false when absent")
                .containsAll(primitives);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void schemaNamesTheEventAndToleratesNewOptionalFields(EventType type) {
        JsonNode schema = Schemas.readJson(Schemas.eventSchemaPath(type));

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asText()).isEqualTo(type.name());
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue()).isTrue();
    }

    @Test
    void everyEventSchemaFileBelongsToACataloguedEvent() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(Schemas.EVENTS).toURI());
        Set<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        // the current revision of each, and every earlier one (kept for the upcasters' fixtures and for readers)
        Set<String> expected = EventCatalogue.all().stream()
                .flatMap(t -> java.util.stream.IntStream.rangeClosed(1, t.revision())
                        .mapToObj(revision -> t.name() + ".v" + revision + ".schema.json"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(files).isEqualTo(expected);
    }

    @Test
    void sharedEnumsListExactlyTheWireValuesOfTheJavaEnums() {
        JsonNode common = Schemas.readJson(Schemas.COMMON);
        ObjectMapper mapper = EventJson.newMapper();

        ENUM_DEFINITIONS.forEach((enumClass, definition) -> {
            List<String> wireValues = Arrays.stream(enumClass.getEnumConstants())
                    .map(constant -> mapper.valueToTree(constant).asText()).toList();
            assertThat(texts(common.at("/$defs/" + definition + "/enum")))
                    .as("$defs/%s", definition).containsExactlyElementsOf(wireValues);
        });
        assertThat(texts(common.at("/$defs/ageBand/enum"))).contains("12_15", "25_PLUS").doesNotContain("AGE_12_15");
    }

    @Test
    void roleDefinitionListsThePlatformRolesAndEveryRoleFieldUsesIt() {
        JsonNode common = Schemas.readJson(Schemas.COMMON);
        String roleDefinition = "../common.schema.json#/$defs/role";

        assertThat(texts(common.at("/$defs/role/enum"))).containsExactly("REFERRER", "POLICE_SCREENER",
                "PANEL_MEMBER", "CASE_OWNER", "PROVIDER", "NETWORK_MEMBER", "ANALYST", "OPERATOR", "AUDITOR",
                "DATA_PROTECTION_OFFICER");
        assertThat(Schemas.readJson(Schemas.eventSchemaPath(EventCatalogue.of(CaseRecordAccessed.class)))
                .at("/properties/role/$ref").asText()).isEqualTo(roleDefinition);
        assertThat(Schemas.readJson(Schemas.eventSchemaPath(EventCatalogue.of(IdentityRevealed.class)))
                .at("/properties/revealedToRole/$ref").asText()).isEqualTo(roleDefinition);
    }

    @Test
    void personalFieldsOfTheGovernanceEventsTravelEncryptedAndNothingElseDoes() {
        String encrypted = "../common.schema.json#/$defs/encryptedValue";
        JsonNode rectified = Schemas.readJson(Schemas.eventSchemaPath(EventCatalogue.of(PersonalDataRectified.class)));

        assertThat(rectified.at("/properties/value/$ref").asText()).isEqualTo(encrypted);
        assertThat(rectified.at("/properties/value/description").asText()).contains("Personal data");
        for (Class<? extends CaseEvent> plain : List.of(CaseRecordAccessed.class, IdentityRevealed.class,
                PersonalDataErased.class, ConfidentialityAgreementRecorded.class,
                ConfidentialityAgreementExpired.class)) {
            assertThat(Schemas.readJson(Schemas.eventSchemaPath(EventCatalogue.of(plain))).toString())
                    .as("%s carries no personal field", plain.getSimpleName()).doesNotContain(encrypted);
        }
    }

    @Test
    void familyMemberDefinitionIsExactlyTheRecordsComponents() {
        JsonNode definition = Schemas.readJson(Schemas.COMMON).at("/$defs/familyMember");
        List<String> components = Arrays.stream(FamilyMember.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(fieldNames(definition.get("properties"))).containsExactlyInAnyOrderElementsOf(components);
        assertThat(texts(definition.get("required"))).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void meetingAttendeeDefinitionIsExactlyTheRecordsComponents() {
        JsonNode definition = Schemas.readJson(Schemas.COMMON).at("/$defs/meetingAttendee");
        List<String> components = Arrays.stream(MeetingAttendee.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(fieldNames(definition.get("properties"))).containsExactlyInAnyOrderElementsOf(components);
        assertThat(texts(definition.get("required"))).containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void everyEnumAnEventCarriesHasASharedDefinition() {
        Set<Class<?>> enumsInEvents = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (EventType type : EventCatalogue.all()) {
            for (RecordComponent component : type.recordClass().getRecordComponents()) {
                Type generic = component.getGenericType();
                if (component.getType().isEnum()) {
                    enumsInEvents.add(component.getType());
                } else if (generic instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
                    enumsInEvents.add(element);
                }
            }
        }

        assertThat(ENUM_DEFINITIONS.keySet()).containsAll(enumsInEvents);
    }

    private static List<String> componentNames(EventType type) {
        return Arrays.stream(type.recordClass().getRecordComponents()).map(RecordComponent::getName).toList();
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
