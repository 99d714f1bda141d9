package org.pve.caseplatform.audit.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.audit.query.CaseFile;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.contract.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CaseHistoryController.class)
class CaseHistoryStageControllerTest extends SecuredWebTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final Instant RECEIVED = Instant.parse("2031-03-04T09:00:00Z");
    private static final Instant CLEARED = Instant.parse("2031-03-04T11:30:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CaseHistoryReader histories;

    @Test
    void theHistoryAsOfAnInstantCarriesTheStageLastDecisionAndDurationsThen() throws Exception {
        when(histories.caseFile(CASE)).thenReturn(Optional.of(new CaseFile(CASE, "dk-north", false)));
        when(histories.find(CASE, CLEARED)).thenReturn(new CaseHistory(CASE, CLEARED, List.of(
                event("msg-1", "ReferralReceived", RECEIVED, null, 1),
                event("msg-2", "SecurityScreenCleared", CLEARED, "screener-ole", 2))));

        mvc.perform(get("/cases/{caseId}/history", CASE).param("asOf", CLEARED.toString())
                        .header(AUTHORIZATION, auditor("dk-north")).header(PURPOSE, "AUDIT"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.stateAsOf.stage").value("IN_ASSESSMENT"))
                .andExpect(jsonPath("$.stateAsOf.openCommissions").isEmpty())
                .andExpect(jsonPath("$.stateAsOf.lastDecision.eventType").value("SecurityScreenCleared"))
                .andExpect(jsonPath("$.stateAsOf.lastDecision.decidedBy").value("screener-ole"))
                .andExpect(jsonPath("$.stageDurations.referralToScreening").value("PT2H30M"))
                .andExpect(jsonPath("$.stageDurations.screeningToFormulation").doesNotExist());
    }

    private static RecordedEvent event(String messageId, String type, Instant at, String actor, long offset) {
        return new RecordedEvent(messageId, type, 1, "referral-service", at, actor, Topics.REFERRAL_EVENTS, 0, offset,
                Map.of());
    }
}
