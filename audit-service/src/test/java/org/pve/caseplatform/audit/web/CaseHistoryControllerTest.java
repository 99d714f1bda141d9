package org.pve.caseplatform.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.audit.query.CaseFile;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@WebMvcTest(CaseHistoryController.class)
class CaseHistoryControllerTest extends SecuredWebTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final UUID UNKNOWN = UUID.fromString("00000000-0000-0000-0000-00000000dead");
    private static final Instant CLEARED = Instant.parse("2031-03-04T09:05:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CaseHistoryReader histories;

    @BeforeEach
    void aCaseOfDkNorth() {
        when(histories.caseFile(CASE)).thenReturn(Optional.of(new CaseFile(CASE, "dk-north", false)));
        when(histories.caseFile(UNKNOWN)).thenReturn(Optional.empty());
    }

    @Test
    void aHistoryListsEachEventWithItsServiceActorAndData() throws Exception {
        when(histories.find(CASE, null)).thenReturn(new CaseHistory(CASE, null, List.of(new RecordedEvent("msg-1",
                "SecurityScreenCleared", 1, "referral-service", CLEARED, "screener-ole", Topics.REFERRAL_EVENTS, 2,
                7, Map.of("screenedBy", "screener-ole")))));

        mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, auditor("dk-north"))
                        .header(PURPOSE, "AUDIT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.caseId").value(CASE.toString()))
                .andExpect(jsonPath("$.asOf").doesNotExist())
                .andExpect(jsonPath("$.events[0].messageId").value("msg-1"))
                .andExpect(jsonPath("$.events[0].service").value("referral-service"))
                .andExpect(jsonPath("$.events[0].occurredAt").value("2031-03-04T09:05:00Z"))
                .andExpect(jsonPath("$.events[0].actor").value("screener-ole"))
                .andExpect(jsonPath("$.events[0].offset").value(7))
                .andExpect(jsonPath("$.events[0].data.screenedBy").value("screener-ole"));
    }

    @Test
    void aHistoryReadIsWrittenToTheAccessLogWithWhoViewAndPurpose() throws Exception {
        when(histories.find(CASE, null)).thenReturn(new CaseHistory(CASE, null, List.of()));

        mvc.perform(get("/cases/{caseId}/history", CASE)
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-north")).header(PURPOSE, "RESEARCH"))
                .andExpect(status().isOk());

        verify(accessLog).recordRead(any(), eq(CASE), eq("dk-north"), eq("case-history"),
                eq(AccessPurpose.RESEARCH));
    }

    @Test
    void asOfIsReadAsAnInstant() throws Exception {
        when(histories.find(eq(CASE), any())).thenReturn(new CaseHistory(CASE, CLEARED, List.of()));

        mvc.perform(get("/cases/{caseId}/history", CASE).param("asOf", "2031-03-04T09:05:00Z")
                        .header(AUTHORIZATION, auditor("*")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2031-03-04T09:05:00Z"));
    }

    @Test
    void rolesOutsideTheAuditRowAreForbidden() throws Exception {
        for (Role role : List.of(Role.POLICE_SCREENER, Role.CASE_OWNER, Role.NETWORK_MEMBER, Role.OPERATOR,
                Role.PANEL_MEMBER, Role.REFERRER)) {
            mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, token(role, "dk-north"))
                            .header(PURPOSE, "SAFEGUARDING"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        verify(histories, never()).find(any(), any());
    }

    @Test
    void withoutATokenTheHistoryIsUnauthorized() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", CASE).header(PURPOSE, "AUDIT"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(accessLog);
    }

    @Test
    void aCaseOfAnotherDistrictIsNotFoundExactlyAsAnUnknownCase() throws Exception {
        MvcResult other = mvc.perform(get("/cases/{caseId}/history", CASE)
                        .header(AUTHORIZATION, auditor("dk-south")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isNotFound()).andReturn();
        MvcResult unknown = mvc.perform(get("/cases/{caseId}/history", UNKNOWN)
                        .header(AUTHORIZATION, auditor("dk-south")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isNotFound()).andReturn();

        org.assertj.core.api.Assertions.assertThat(other.getResponse().getContentAsString()
                .replace(CASE.toString(), "ID")).isEqualTo(unknown.getResponse().getContentAsString()
                .replace(UNKNOWN.toString(), "ID"));
        verifyNoInteractions(accessLog);
    }

    @Test
    void aSealedCaseIsNotFoundOutsideThePoliceAndShownToThem() throws Exception {
        when(histories.caseFile(CASE)).thenReturn(Optional.of(new CaseFile(CASE, "dk-north", true)));
        when(histories.find(CASE, null)).thenReturn(new CaseHistory(CASE, null, List.of()));

        mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, auditor("dk-north"))
                        .header(PURPOSE, "AUDIT"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{caseId}/history", CASE)
                        .header(AUTHORIZATION, TestTokens.bearer(Role.AUDITOR, Agency.POLICE, "dk-north"))
                        .header(PURPOSE, "AUDIT"))
                .andExpect(status().isOk());
    }

    @Test
    void aReadForProsecutionOrAPurposeTheRoleMayNotStateIsForbiddenAndAMissingPurposeIsRefused() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, auditor("dk-north"))
                        .header(PURPOSE, "PROSECUTION"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
        mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, token(Role.ANALYST, "dk-north"))
                        .header(PURPOSE, "AUDIT"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{caseId}/history", CASE).header(AUTHORIZATION, auditor("dk-north")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
        verify(accessLog, never()).recordRead(any(), any(), anyString(), anyString(), any());
        verify(histories, never()).find(any(), isNull());
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefusedNamingAsOf() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", CASE).param("asOf", "2031-03-04")
                        .header(AUTHORIZATION, auditor("dk-north")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        verifyNoInteractions(histories);
    }

    @Test
    void aCaseIdThatIsNotAUuidIsRefusedNamingCaseId() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", "1-2-3-4-5").header(AUTHORIZATION, auditor("dk-north"))
                        .header(PURPOSE, "AUDIT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("caseId"));
    }
}
