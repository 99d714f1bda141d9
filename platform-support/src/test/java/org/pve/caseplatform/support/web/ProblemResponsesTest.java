package org.pve.caseplatform.support.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.Forbidden;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemResponsesTest {

    private static final String VALID = """
            {"name": "Anna", "kind": "ASSESSMENT", "due": "2025-03-01",
             "items": [{"kind": "PLAN", "note": "first"}]}""";

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .modulesToInstall(new JavaTimeModule())
                .build();
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new TestController())
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(mapper))
                .setValidator(validator)
                .build();
    }

    @Test
    void aValidRequestPasses() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Anna"))
                .andExpect(jsonPath("$.due").value("2025-03-01"))
                .andExpect(jsonPath("$.items[0].kind").value("PLAN"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        postThing("""
                {"kind": "ASSESSMENT", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
    }

    @Test
    void everyInvalidFieldIsNamedInOrder() throws Exception {
        postThing("""
                {"name": " ", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("kind", "name")))
                .andExpect(jsonPath("$.errors[*].reason", contains("must not be null", "must not be blank")));
    }

    @Test
    void anInvalidFieldOfANestedListElementIsNamedWithItsIndex() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [{"kind": "PLAN"}, {"note": "no kind"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[1].kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be null"));
    }

    @Test
    void aBadEnumValueListsTheAllowedValues() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PIGEON", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of REFERRAL, ASSESSMENT, PLAN"));
    }

    @Test
    void aBadEnumValueListsTheNamesTheJsonAccepts() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "ageBand": "AGE_16_17", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ageBand"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("must be one of UNDER_12, 12_15, 16_17, 18_24, 25_PLUS, UNKNOWN"));
    }

    @Test
    void anEnumIsAcceptedUnderItsJsonName() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "ageBand": "16_17", "items": []}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ageBand").value("16_17"));
    }

    @Test
    void aBadEnumValueInANestedListElementIsNamedWithItsIndex() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [{"kind": "PLAN"}, {"kind": "PIGEON"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[1].kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of REFERRAL, ASSESSMENT, PLAN"));
    }

    @Test
    void aBadEnumValueInAListOfEnumsIsNamedWithItsIndex() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [], "tags": ["PLAN", "PIGEON"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tags[1]"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of REFERRAL, ASSESSMENT, PLAN"));
    }

    @Test
    void aMalformedDateSaysWhatFormIsExpected() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "due": "01/03/2025", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("due"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid date (YYYY-MM-DD)"));
    }

    @Test
    void anImpossibleDateIsRefusedLikeAMalformedOne() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "due": "2025-02-30", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("due"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid date (YYYY-MM-DD)"));
    }

    @Test
    void aMalformedUuidInTheBodyIsNamed() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "ownerId": "not-a-uuid", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ownerId"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid UUID"));
    }

    @Test
    void aValueOfTheWrongShapeIsNamed() throws Exception {
        postThing("""
                {"name": {"first": "Anna"}, "kind": "PLAN", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("has the wrong type or form"));
    }

    @Test
    void aBadUuidPathVariableIsNamed() throws Exception {
        mvc.perform(get("/things/{thingId}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("thingId"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid UUID"));
    }

    @Test
    void aBadEnumQueryParameterListsTheAllowedValues() throws Exception {
        mvc.perform(get("/things").param("kind", "PIGEON"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of REFERRAL, ASSESSMENT, PLAN"));
    }

    @Test
    void aMissingQueryParameterIsNamed() throws Exception {
        mvc.perform(get("/things"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("is required"));
    }

    @Test
    void aBlankConstrainedQueryParameterIsNamed() throws Exception {
        mvc.perform(post("/things/{thingId}/providers", UUID.randomUUID()).param("providerId", " "))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("providerId"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
    }

    @Test
    void anInvalidBodyNextToAConstrainedParameterNamesTheBodyField() throws Exception {
        mvc.perform(post("/things/{thingId}/notes", UUID.randomUUID()).param("author", "ole")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind": "PLAN", "items": []}"""))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
    }

    @Test
    void malformedJsonIsReportedAgainstTheBody() throws Exception {
        postThing("{not json")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not well-formed JSON"));
    }

    @Test
    void truncatedJsonIsReportedAgainstTheBody() throws Exception {
        postThing("{\"name\": \"Anna\", \"kind\": \"PLAN\", ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not well-formed JSON"));
    }

    @Test
    void aMissingQuoteIsReportedAsMalformedJson() throws Exception {
        postThing("{\"name\": \"Anna, \"kind\": \"PLAN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not well-formed JSON"));
    }

    @Test
    void malformedJsonInsideAListIsStillReportedAsMalformedJson() throws Exception {
        postThing("{\"name\": \"Anna\", \"kind\": \"PLAN\", \"items\": [{\"kind\": \"PLAN\"},]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not well-formed JSON"));
    }

    @Test
    void aMissingBodyIsReportedAgainstTheBody() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is missing or unreadable"));
    }

    @Test
    void anUnknownPropertyIsNamed() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [], "nickname": "Annie"}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("nickname"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
    }

    @Test
    void anUnknownPropertyOfANestedListElementIsNamedWithItsPath() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [{"kind": "PLAN", "colour": "red"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].colour"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
    }

    @Test
    void aLifecycleViolationIsAConflictNamingTheField() throws Exception {
        mvc.perform(post("/things/lifecycle"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/lifecycle-violation"))
                .andExpect(jsonPath("$.detail").value("the case is closed"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].reason").value("the case is closed"));
    }

    @Test
    void aLifecycleViolationWrappedByTheCommandBusIsStillAConflict() throws Exception {
        mvc.perform(post("/things/wrapped-lifecycle"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].reason").value("the case is closed"));
    }

    @Test
    void badInputAndForbiddenWrappedByTheCommandBusKeepTheirStatusAndField() throws Exception {
        mvc.perform(post("/things/wrapped-invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("justification"));
        mvc.perform(post("/things/wrapped-forbidden"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("memberId"));
    }

    @Test
    void anUnexpectedCommandFailureIsAServerErrorThatRevealsNothing() throws Exception {
        mvc.perform(post("/things/wrapped-failure"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(0)))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("secret-connection-string"))));
    }

    @Test
    void anUnknownRecordIsNotFound() throws Exception {
        mvc.perform(post("/things/unknown"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].reason").value("no such record"));
    }

    @Test
    void aMissingAggregateIsNotFound() throws Exception {
        mvc.perform(post("/things/missing-aggregate"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].reason").value("no such record"));
    }

    @Test
    void aConcurrentChangeIsAConflictAskingForARetry() throws Exception {
        mvc.perform(post("/things/concurrent"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/concurrent-change"))
                .andExpect(jsonPath("$.errors[0].field").value("version"))
                .andExpect(jsonPath("$.errors[0].reason").value("changed concurrently"));
    }

    @Test
    void anInvalidRequestIsABadRequestNamingTheField() throws Exception {
        mvc.perform(post("/things/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("districtId"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a district the platform serves"));
    }

    private ResultActions postThing(String json) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    enum Kind { REFERRAL, ASSESSMENT, PLAN }

    record Item(@NotNull Kind kind, String note) {
    }

    record ThingRequest(@NotBlank String name, @NotNull Kind kind, LocalDate due, UUID ownerId, AgeBand ageBand,
                        @NotNull @Valid List<Item> items, List<Kind> tags) {
    }

    /** A controller that only exists to provoke each refusal ProblemResponses knows. */
    @RestController
    static class TestController {

        @PostMapping("/things")
        ThingRequest create(@Valid @RequestBody ThingRequest request) {
            return request;
        }

        @GetMapping("/things/{thingId}")
        String find(@PathVariable UUID thingId) {
            return thingId.toString();
        }

        @GetMapping("/things")
        String list(@RequestParam Kind kind) {
            return kind.name();
        }

        @PostMapping("/things/{thingId}/providers")
        String provider(@PathVariable UUID thingId, @RequestParam @NotBlank String providerId) {
            return providerId;
        }

        @PostMapping("/things/{thingId}/notes")
        ThingRequest note(@PathVariable UUID thingId, @RequestParam @NotEmpty String author,
                          @Valid @RequestBody ThingRequest request) {
            return request;
        }

        @PostMapping("/things/lifecycle")
        void lifecycle() {
            throw new LifecycleViolation("stage", "the case is closed");
        }

        @PostMapping("/things/wrapped-lifecycle")
        void wrappedLifecycle() {
            throw new CommandExecutionException("command failed",
                    new LifecycleViolation("stage", "the case is closed"));
        }

        @PostMapping("/things/wrapped-invalid")
        void wrappedInvalid() {
            throw new CommandExecutionException("command failed",
                    new InvalidRequest("justification", "must say why the identity is needed"));
        }

        @PostMapping("/things/wrapped-forbidden")
        void wrappedForbidden() {
            throw new CommandExecutionException("command failed",
                    new Forbidden("memberId", "not your agreement"));
        }

        @PostMapping("/things/wrapped-failure")
        void wrappedFailure() {
            throw new CommandExecutionException("command failed",
                    new IllegalStateException("cannot reach secret-connection-string"));
        }

        @PostMapping("/things/unknown")
        void unknown() {
            throw new UnknownRecord("case 42");
        }

        @PostMapping("/things/missing-aggregate")
        void missingAggregate() {
            throw new AggregateNotFoundException("42", "no aggregate 42");
        }

        @PostMapping("/things/concurrent")
        void concurrent() {
            throw new ConcurrencyException("version 3 already stored");
        }

        @PostMapping("/things/invalid")
        void invalid() {
            throw new InvalidRequest("districtId", "is not a district the platform serves");
        }
    }
}
