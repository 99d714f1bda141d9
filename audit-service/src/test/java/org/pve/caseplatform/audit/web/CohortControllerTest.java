package org.pve.caseplatform.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.CohortScope;
import org.pve.caseplatform.audit.cohort.OutcomeCount;
import org.pve.caseplatform.audit.cohort.StageCount;
import org.pve.caseplatform.audit.cohort.TimeInStage;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CohortController.class)
class CohortControllerTest extends SecuredWebTest {

    private static final CohortScope DK_NORTH = new CohortScope(Set.of("dk-north"), false);

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CohortReader cohorts;

    @Test
    void theDistrictNetworkSeesCountsUnderFiveWithheld() throws Exception {
        when(cohorts.stages(DK_NORTH, "2031-03", true)).thenReturn(List.of(
                new StageCount("dk-north", "2031-03", "REFERRED", null, true),
                new StageCount("dk-north", "2031-03", "IN_ASSESSMENT", 7, false)));

        mvc.perform(get("/cohorts/stages").param("districtId", "dk-north").param("month", "2031-03")
                        .header(AUTHORIZATION, token(Role.NETWORK_MEMBER, "dk-north")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stage").value("REFERRED"))
                .andExpect(jsonPath("$[0].cases").doesNotExist())
                .andExpect(jsonPath("$[0].suppressed").value(true))
                .andExpect(jsonPath("$[1].cases").value(7));
    }

    @Test
    void operatorsSeeCountsUnderFiveWithheldToo() throws Exception {
        when(cohorts.timeInStage(DK_NORTH, true)).thenReturn(List.of(
                new TimeInStage("dk-north", "REFERRED", null, null, null, true)));

        mvc.perform(get("/cohorts/time-in-stage").header(AUTHORIZATION, token(Role.OPERATOR, "dk-north")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].suppressed").value(true));
    }

    @Test
    void anAnalystAuditorAndDataProtectionOfficerSeeEveryCount() throws Exception {
        when(cohorts.outcomes(DK_NORTH, false)).thenReturn(List.of(
                new OutcomeCount("dk-north", "CLOSURE", "GOALS_MET", 2, false)));

        for (Role role : List.of(Role.ANALYST, Role.AUDITOR, Role.DATA_PROTECTION_OFFICER)) {
            mvc.perform(get("/cohorts/outcomes").param("districtId", "dk-north")
                            .header(AUTHORIZATION, token(role, "dk-north")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].cases").value(2))
                    .andExpect(jsonPath("$[0].suppressed").value(false));
        }
    }

    @Test
    void withoutADistrictTheCallersOwnAreCountedAndThePoliceCountSealedCases() throws Exception {
        mvc.perform(get("/cohorts/outcomes").header(AUTHORIZATION, token(Role.ANALYST, "dk-north", "dk-east")))
                .andExpect(status().isOk());
        verify(cohorts).outcomes(new CohortScope(Set.of("dk-north", "dk-east"), false), false);

        mvc.perform(get("/cohorts/outcomes")
                        .header(AUTHORIZATION, TestTokens.bearer(Role.ANALYST, Agency.POLICE, "*")))
                .andExpect(status().isOk());
        verify(cohorts).outcomes(new CohortScope(null, true), false);
    }

    @Test
    void aDistrictTheCallerDoesNotWorkInIsNotFound() throws Exception {
        mvc.perform(get("/cohorts/stages").param("districtId", "dk-south")
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-north")))
                .andExpect(status().isNotFound());
        verifyNoInteractions(cohorts);
    }

    @Test
    void rolesOutsideTheCohortRowAreForbiddenAndNoTokenIsUnauthorized() throws Exception {
        for (Role role : List.of(Role.POLICE_SCREENER, Role.CASE_OWNER, Role.PANEL_MEMBER, Role.REFERRER)) {
            mvc.perform(get("/cohorts/stages").header(AUTHORIZATION, token(role, "dk-north")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/cohorts/time-in-stage")).andExpect(status().isUnauthorized());
        verify(cohorts, org.mockito.Mockito.never()).stages(any(), any(), anyBoolean());
    }

    @Test
    void aMonthThatIsNotAMonthIsRefusedNamingMonth() throws Exception {
        mvc.perform(get("/cohorts/stages").param("month", "March")
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-north")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        verifyNoInteractions(cohorts);
    }
}
