package org.pve.caseplatform.referral.inbound;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Reads an inbound message as intake would take it: well-formed JSON, valid against the published InboundReferral
 * schema, keyed by its externalReference, then the rules of HTTP intake (bean validation of NewReferral, a known
 * district). A refusal names each field and the rule it breaks, never the value, so it can travel in a header.
 */
final class InboundReferralReader {

    static final String SCHEMA = "schemas/inbound/InboundReferral.v1.schema.json";

    /** A property name quoted in a reason only when it looks like a field name, not like someone's data. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JsonSchema schema;
    private final Validator validator;
    private final DistrictDirectory districts;
    private final ObjectMapper json = EventJson.configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());

    InboundReferralReader(Validator validator, DistrictDirectory districts) {
        this.validator = validator;
        this.districts = districts;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + SCHEMA),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build());
        this.schema.initializeValidators();
    }

    Reading read(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return refused(new Problem("$", "empty message: a JSON object is expected"));
        }
        JsonNode message;
        try {
            message = json.readTree(value);
        } catch (IOException e) {
            return refused(new Problem("$", "not well-formed JSON" + where(e)));
        }
        if (message.isMissingNode()) {
            return refused(new Problem("$", "empty message: a JSON object is expected"));
        }
        List<Problem> problems = schema.validate(message).stream().map(InboundReferralReader::problem)
                .sorted(Comparator.comparing(Problem::field).thenComparing(Problem::reason)).distinct().toList();
        if (!problems.isEmpty()) {
            return new Reading.Refused(problems);
        }
        return rules(key, message);
    }

    private Reading rules(String key, JsonNode message) {
        NewReferral referral;
        try {
            referral = json.treeToValue(message, NewReferral.class);
        } catch (JsonProcessingException e) {
            return refused(new Problem(e instanceof JsonMappingException mapping ? path(mapping) : "$",
                    "cannot be read as the field's type"));
        }
        List<Problem> problems = new ArrayList<>();
        if (!Objects.equals(key, referral.externalReference())) {
            problems.add(new Problem("key", "the record key must equal $.externalReference"));
        }
        validator.validate(referral).stream().map(InboundReferralReader::problem)
                .sorted(Comparator.comparing(Problem::field)).forEach(problems::add);
        if (referral.districtId() != null && districts.find(referral.districtId()).isEmpty()) {
            problems.add(new Problem("$.districtId", Problem.UNKNOWN_DISTRICT));
        }
        return problems.isEmpty() ? new Reading.Accepted(referral) : new Reading.Refused(problems);
    }

    private static Problem problem(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String property = message.getProperty();
        return switch (message.getType()) {
            case "required" -> new Problem(location + "." + property, "is required");
            case "additionalProperties" -> new Problem(location, property != null
                    && FIELD_NAME.matcher(property).matches()
                    ? "property '" + property + "' is not defined in the schema (additionalProperties is false)"
                    : "has a property that is not defined in the schema (additionalProperties is false)");
            default -> new Problem(location, withoutLocation(location, message.getMessage()));
        };
    }

    private static Problem problem(ConstraintViolation<NewReferral> violation) {
        return new Problem("$." + violation.getPropertyPath(), violation.getMessage());
    }

    /** The validator's message names the location first ("$.ageBand: does not have ..."): keep only the rule. */
    private static String withoutLocation(String location, String message) {
        String prefix = location + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation at = processing.getLocation();
            return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return "";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    private static Reading refused(Problem problem) {
        return new Reading.Refused(List.of(problem));
    }
}
