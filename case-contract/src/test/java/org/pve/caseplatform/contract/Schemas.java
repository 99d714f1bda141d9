package org.pve.caseplatform.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The JSON schemas shipped on the classpath, read as JSON and as validators (draft 2020-12, formats asserted). */
final class Schemas {

    static final String EVENTS = "schemas/events/";
    static final String INBOUND_REFERRAL = "schemas/inbound/InboundReferral.v1.schema.json";
    static final String COMMON = "schemas/common.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    static String eventSchemaPath(EventType type) {
        return EVENTS + type.name() + ".v" + type.revision() + ".schema.json";
    }

    static boolean exists(String classpathPath) {
        return Schemas.class.getClassLoader().getResource(classpathPath) != null;
    }

    static JsonNode readJson(String classpathPath) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(classpathPath)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + classpathPath);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema validator(String classpathPath) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + classpathPath), CONFIG);
    }

    /** The messages of the validation, as text; empty when the instance is valid. */
    static List<String> errors(String classpathPath, JsonNode instance) {
        Set<ValidationMessage> messages = validator(classpathPath).validate(instance);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
