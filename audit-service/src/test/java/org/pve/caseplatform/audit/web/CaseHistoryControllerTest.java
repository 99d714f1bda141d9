package org.pve.caseplatform.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CaseHistoryController.class)
@Import(ProblemResponses.class)
class CaseHistoryControllerTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final Instant CLEARED = Instant.parse("2031-03-04T09:05:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CaseHistoryReader histories;

    @Test
    void aHistoryListsEachEventWithItsServiceActorAndData() throws Exception {
        when(histories.find(CASE, null)).thenReturn(new CaseHistory(CASE, null, List.of(new RecordedEvent("msg-1",
                "SecurityScreenCleared", 1, "referral-service", CLEARED, "screener-ole", Topics.REFERRAL_EVENTS, 2,
                7, Map.of("screenedBy", "screener-ole")))));

        mvc.perform(get("/cases/{caseId}/history", CASE))
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
    void asOfIsReadAsAnInstant() throws Exception {
        when(histories.find(eq(CASE), any())).thenReturn(new CaseHistory(CASE, CLEARED, List.of()));

        mvc.perform(get("/cases/{caseId}/history", CASE).param("asOf", "2031-03-04T09:05:00Z"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2031-03-04T09:05:00Z"));
    }

    @Test
    void aCaseTheLedgerNeverSawIsNotFound() throws Exception {
        when(histories.find(eq(CASE), isNull())).thenThrow(new UnknownRecord("no events of case " + CASE));

        mvc.perform(get("/cases/{caseId}/history", CASE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefusedNamingAsOf() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", CASE).param("asOf", "2031-03-04"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        verifyNoInteractions(histories);
    }

    @Test
    void aCaseIdThatIsNotAUuidIsRefusedNamingCaseId() throws Exception {
        mvc.perform(get("/cases/{caseId}/history", "1-2-3-4-5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("caseId"));
    }
}
