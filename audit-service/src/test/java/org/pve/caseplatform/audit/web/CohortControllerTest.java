package org.pve.caseplatform.audit.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.OutcomeCount;
import org.pve.caseplatform.audit.cohort.StageCount;
import org.pve.caseplatform.audit.cohort.TimeInStage;
import org.pve.caseplatform.support.security.CallerResolver;
import org.pve.caseplatform.support.web.WebConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(CohortController.class)
@Import(WebConfiguration.class)
class CohortControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CohortReader cohorts;

    @Test
    void theDistrictNetworkSeesCountsUnderFiveWithheld() throws Exception {
        when(cohorts.stages("dk-north", "2031-03", true)).thenReturn(List.of(
                new StageCount("dk-north", "2031-03", "REFERRED", null, true),
                new StageCount("dk-north", "2031-03", "IN_ASSESSMENT", 7, false)));

        mvc.perform(as(get("/cohorts/stages").param("districtId", "dk-north").param("month", "2031-03"),
                        "NETWORK_MEMBER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stage").value("REFERRED"))
                .andExpect(jsonPath("$[0].cases").doesNotExist())
                .andExpect(jsonPath("$[0].suppressed").value(true))
                .andExpect(jsonPath("$[1].cases").value(7));
    }

    @Test
    void anAnalystSeesEveryCount() throws Exception {
        when(cohorts.outcomes("dk-north", false)).thenReturn(List.of(
                new OutcomeCount("dk-north", "CLOSURE", "GOALS_MET", 2, false)));

        mvc.perform(as(get("/cohorts/outcomes").param("districtId", "dk-north"), "ANALYST"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].cases").value(2))
                .andExpect(jsonPath("$[0].suppressed").value(false));
    }

    @Test
    void anAnonymousCallerSeesTheSuppressedViewToo() throws Exception {
        when(cohorts.timeInStage(null, true)).thenReturn(List.of(
                new TimeInStage("dk-north", "REFERRED", null, null, null, true)));

        mvc.perform(get("/cohorts/time-in-stage"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].suppressed").value(true));
    }

    @Test
    void aMonthThatIsNotAMonthIsRefusedNamingMonth() throws Exception {
        mvc.perform(as(get("/cohorts/stages").param("month", "March"), "ANALYST"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        verifyNoInteractions(cohorts);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String role) {
        return request.header(CallerResolver.ID, "someone").header(CallerResolver.ROLE, role)
                .header(CallerResolver.AGENCY, "SOCIAL_SERVICES");
    }
}
