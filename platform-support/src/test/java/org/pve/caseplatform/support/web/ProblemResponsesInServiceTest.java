package org.pve.caseplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The same refusals as {@link ProblemResponsesTest}, but in the Spring MVC a service really runs: Boot's
 * auto-configuration plus the platform defaults (which switch on Boot's own problem-details handler). Security
 * filters are left out: what they answer is tested with the resource server.
 */
@WebMvcTest(controllers = ProblemResponsesTest.TestController.class)
@AutoConfigureMockMvc(addFilters = false)
@ContextConfiguration(classes = ProblemResponsesInServiceTest.Service.class)
class ProblemResponsesInServiceTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void bootsOwnProblemHandlerIsOnSoTheOrderOfTheTwoMatters() {
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class)).isNotEmpty();
    }

    @Test
    void whatThePlatformDoesNotNameIsStillAProblemFromBoot() throws Exception {
        mvc.perform(delete("/things"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        postThing("""
                {"kind": "ASSESSMENT", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
    }

    @Test
    void aBadEnumValueListsTheAllowedValues() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PIGEON", "items": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of REFERRAL, ASSESSMENT, PLAN"));
    }

    @Test
    void anUnknownPropertyIsNamed() throws Exception {
        postThing("""
                {"name": "Anna", "kind": "PLAN", "items": [], "nickname": "Annie"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nickname"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
    }

    @Test
    void malformedJsonIsReportedAgainstTheBody() throws Exception {
        postThing("{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not well-formed JSON"));
    }

    @Test
    void aBadUuidPathVariableIsNamed() throws Exception {
        mvc.perform(get("/things/{thingId}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("thingId"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not a valid UUID"));
    }

    @Test
    void aLifecycleViolationIsAConflictNamingTheField() throws Exception {
        mvc.perform(post("/things/lifecycle"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("stage"));
    }

    private ResultActions postThing(String json) throws Exception {
        return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ProblemResponsesTest.TestController.class)
    @ImportAutoConfiguration(WebConfiguration.class)
    static class Service {
    }
}
