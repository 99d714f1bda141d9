package org.pve.caseplatform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/asyncapi/asyncapi.yaml describes every topic and every catalogued event, and all its references resolve. */
class AsyncApiDocumentTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path DOCUMENT = MODULE.resolve("../docs/asyncapi/asyncapi.yaml").normalize();
    private static final Path SCHEMAS = MODULE.resolve("src/main/resources/schemas");

    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocument() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
    }

    static Stream<EventType> catalogue() {
        return EventCatalogue.all().stream();
    }

    @Test
    void documentIsAsyncApi3() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.at("/info/title").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyCataloguedEventHasAMessageOnItsTopic(EventType type) {
        JsonNode message = asyncApi.at("/components/messages/" + type.name());

        assertThat(message.isObject()).as("components/messages/%s", type.name()).isTrue();
        assertThat(message.path("name").asText()).isEqualTo(type.name());
        assertThat(messageRefsOfChannelAt(type.topic())).contains("#/components/messages/" + type.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void messagePayloadIsTheEventsSchemaFile(EventType type) throws IOException {
        JsonNode message = asyncApi.at("/components/messages/" + type.name());
        String ref = message.at("/payload/schema/$ref").asText();

        Path target = DOCUMENT.getParent().resolve(ref).normalize();
        Path expected = SCHEMAS.resolve("events/" + type.name() + ".v" + type.revision() + ".schema.json");
        assertThat(target).exists();
        assertThat(Files.isSameFile(target, expected)).as("%s is %s", ref, expected).isTrue();
        assertThat(message.at("/payload/schemaFormat").asText()).startsWith("application/schema+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void messageCarriesTheCatalogueHeadersAndTheCaseIdKey(EventType type) {
        JsonNode message = asyncApi.at("/components/messages/" + type.name());

        assertThat(message.at("/headers/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/DomainEventHeaders");
        assertThat(message.at("/headers/allOf/1/properties/eventType/const").asText()).isEqualTo(type.name());
        assertThat(message.at("/headers/allOf/1/properties/eventRevision/const").asText())
                .isEqualTo(Integer.toString(type.revision()));
        assertThat(message.at("/bindings/kafka/key/$ref").asText()).isEqualTo("#/components/schemas/CaseIdKey");
    }

    @Test
    void domainEventHeadersAreTheOnesOfEventHeaders() {
        JsonNode headers = asyncApi.at("/components/schemas/DomainEventHeaders");

        assertThat(EventSchemaTest.texts(headers.get("required"))).containsExactlyInAnyOrder(
                EventHeaders.EVENT_TYPE, EventHeaders.EVENT_REVISION, EventHeaders.MESSAGE_ID, EventHeaders.CASE_ID,
                EventHeaders.DISTRICT_ID, EventHeaders.CORRELATION_ID);
    }

    @Test
    void everyTopicHasAChannelWithItsKeyAndRetention() throws IllegalAccessException {
        Map<String, String> keys = Map.of(
                Topics.REFERRAL_EVENTS, "caseId", Topics.ASSESSMENT_EVENTS, "caseId", Topics.PLAN_EVENTS, "caseId",
                Topics.ACCESS_LOG, "caseId",
                Topics.INBOUND_REFERRALS, "externalReference", Topics.INBOUND_REFERRALS_DLT, "externalReference");
        List<String> topics = topicConstants();

        assertThat(keys.keySet()).containsExactlyInAnyOrderElementsOf(topics);
        for (String topic : topics) {
            JsonNode channel = channelAt(topic);
            assertThat(channel).as("channel for %s", topic).isNotNull();
            assertThat(channel.path("x-key").asText()).as("key of %s", topic).isEqualTo(keys.get(topic));
            assertThat(channel.path("x-retention").asText()).as("retention of %s", topic).isNotBlank();
            if (keys.get(topic).equals("caseId")) {
                assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong())
                        .as("%s is kept forever", topic).isEqualTo(-1L);
            }
        }
    }

    @Test
    void inboundChannelCarriesTheInboundReferralSchemaAndTheSample() throws IOException {
        JsonNode message = asyncApi.at("/components/messages/InboundReferral");
        Path target = DOCUMENT.getParent().resolve(message.at("/payload/schema/$ref").asText()).normalize();

        assertThat(messageRefsOfChannelAt(Topics.INBOUND_REFERRALS))
                .containsExactly("#/components/messages/InboundReferral");
        assertThat(Files.isSameFile(target, SCHEMAS.resolve("inbound/InboundReferral.v1.schema.json"))).isTrue();
        assertThat(message.at("/bindings/kafka/key/$ref").asText())
                .isEqualTo("#/components/schemas/ExternalReferenceKey");
        assertThat(message.at("/examples/0/payload"))
                .isEqualTo(Schemas.readJson("samples/inbound-referral.sample.json"));
    }

    @Test
    void everyReferenceResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        checkReferences(DOCUMENT, asyncApi, new HashSet<>(), broken);

        assertThat(broken).isEmpty();
    }

    @Test
    void aReferenceToAMissingFileIsCaught() throws IOException {
        JsonNode withBrokenRef =
                new ObjectMapper().readTree("{\"payload\":{\"$ref\":\"../../nowhere/Missing.v1.schema.json\"}}");
        List<String> broken = new ArrayList<>();

        checkReferences(DOCUMENT, withBrokenRef, new HashSet<>(), broken);

        assertThat(broken).singleElement().asString().contains("Missing.v1.schema.json");
    }

    /** Follows every $ref: local pointers within their document, relative ones into the files they name. */
    private static void checkReferences(Path file, JsonNode document, Set<Path> visited, List<String> broken)
            throws IOException {
        if (!visited.add(file)) {
            return;
        }
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        for (String ref : refs) {
            int hash = ref.indexOf('#');
            String path = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            if (path.isEmpty()) {
                if (document.at(pointer).isMissingNode()) {
                    broken.add(file.getFileName() + ": " + ref);
                }
                continue;
            }
            Path target = file.getParent().resolve(path).normalize();
            if (!Files.isRegularFile(target)) {
                broken.add(file.getFileName() + ": " + ref + " (no file " + target + ")");
                continue;
            }
            JsonNode referenced = new ObjectMapper().readTree(target.toFile());
            if (!pointer.isEmpty() && referenced.at(pointer).isMissingNode()) {
                broken.add(file.getFileName() + ": " + ref + " (no " + pointer + " in " + target + ")");
            }
            checkReferences(target, referenced, visited, broken);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static JsonNode channelAt(String address) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        return null;
    }

    private static List<String> messageRefsOfChannelAt(String address) {
        JsonNode channel = channelAt(address);
        assertThat(channel).as("channel with address %s", address).isNotNull();
        List<String> refs = new ArrayList<>();
        channel.path("messages").forEach(message -> refs.add(message.path("$ref").asText()));
        return refs;
    }

    private static List<String> topicConstants() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }
}
