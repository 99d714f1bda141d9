package org.pve.caseplatform.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.CohortScope;
import org.pve.caseplatform.audit.query.CaseFile;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.audit.cohort.StageCount;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({CaseHistoryController.class, CaseHistoryExportController.class, CohortController.class})
class ExportControllerTest extends SecuredWebTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final Instant CLEARED = Instant.parse("2031-03-04T09:05:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CaseHistoryReader histories;

    @MockitoBean
    private CohortReader cohorts;

    @BeforeEach
    void aCaseOfDkNorth() {
        when(histories.caseFile(CASE)).thenReturn(Optional.of(new CaseFile(CASE, "dk-north", false)));
    }

    @Test
    void aCaseHistoryIsExportedAsCsvByItsCsvAddress() throws Exception {
        when(histories.find(eq(CASE), isNull())).thenReturn(history());

        mvc.perform(read(get("/cases/{caseId}/history.csv", CASE)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")))
                .andExpect(content().string(Matchers.startsWith("caseId,occurredAt,eventType")))
                .andExpect(content().string(Matchers.containsString(
                        CASE + ",2031-03-04T09:05:00Z,SecurityScreenCleared,1,referral-service,screener-ole,")));
        verify(accessLog).recordRead(any(), eq(CASE), eq("dk-north"), eq("case-history-csv"),
                eq(AccessPurpose.AUDIT));
    }

    @Test
    void aCsvExportIsTheSameCaseDetailReadAsTheHistory() throws Exception {
        mvc.perform(get("/cases/{caseId}/history.csv", CASE).header(AUTHORIZATION, token(Role.NETWORK_MEMBER,
                        "dk-north")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{caseId}/history", CASE).param("format", "csv")
                        .header(AUTHORIZATION, auditor("dk-south")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/{caseId}/history.csv", CASE).header(AUTHORIZATION, auditor("dk-north")))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(accessLog);
    }

    @Test
    void aCaseHistoryIsExportedAsCsvByFormatAndStaysJsonWithout() throws Exception {
        when(histories.find(eq(CASE), isNull())).thenReturn(history());

        mvc.perform(read(get("/cases/{caseId}/history", CASE).param("format", "csv")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        mvc.perform(read(get("/cases/{caseId}/history", CASE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stateAsOf.stage").value("IN_ASSESSMENT"));
    }

    @Test
    void anExportOfACaseTheLedgerNeverSawIsNotFound() throws Exception {
        when(histories.find(eq(CASE), isNull())).thenThrow(new UnknownRecord("no events of case " + CASE));

        mvc.perform(read(get("/cases/{caseId}/history.csv", CASE))).andExpect(status().isNotFound());
    }

    @Test
    void aCohortIsExportedAsCsvWithWithheldCountsLeftEmpty() throws Exception {
        when(cohorts.stages(new CohortScope(Set.of("dk-north"), false), null, true)).thenReturn(List.of(
                new StageCount("dk-north", "2031-03", "REFERRED", null, true),
                new StageCount("dk-north", "2031-03", "IN_ASSESSMENT", 7, false)));

        mvc.perform(get("/cohorts/stages.csv").param("districtId", "dk-north")
                        .header(AUTHORIZATION, token(Role.NETWORK_MEMBER, "dk-north")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string("districtId,month,stage,cases,suppressed\r\n"
                        + "dk-north,2031-03,REFERRED,,true\r\n"
                        + "dk-north,2031-03,IN_ASSESSMENT,7,false\r\n"));
    }

    @Test
    void everyCohortViewHasACsvExport() throws Exception {
        mvc.perform(get("/cohorts/time-in-stage").param("format", "csv")
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-north")))
                .andExpect(status().isOk())
                .andExpect(content().string("districtId,stage,stays,p50,p90,suppressed\r\n"));
        mvc.perform(get("/cohorts/outcomes.csv").header(AUTHORIZATION, token(Role.OPERATOR, "*")))
                .andExpect(status().isOk())
                .andExpect(content().string("districtId,kind,outcome,cases,suppressed\r\n"));
    }

    private static MockHttpServletRequestBuilder read(MockHttpServletRequestBuilder request) {
        return request.header(AUTHORIZATION, auditor("dk-north")).header(PURPOSE, "AUDIT");
    }

    private static CaseHistory history() {
        return new CaseHistory(CASE, null, List.of(new RecordedEvent("msg-1", "SecurityScreenCleared", 1,
                "referral-service", CLEARED, "screener-ole", Topics.REFERRAL_EVENTS, 2, 7,
                Map.of("screenedBy", "screener-ole"))));
    }
}
