package org.pve.caseplatform.audit.web;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.replay.ReplayComparison;
import org.pve.caseplatform.audit.replay.ReplayProgress;
import org.pve.caseplatform.audit.replay.ReplayRequest;
import org.pve.caseplatform.audit.replay.Replays;
import org.pve.caseplatform.support.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReplayController.class)
class ReplayControllerTest extends SecuredWebTest {

    private static final Instant FROM = Instant.parse("2031-03-20T00:00:00Z");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private Replays replays;

    @Test
    void aReplayOfOneDistrictFromAnInstantIsAcceptedWithWhereToFollowIt() throws Exception {
        when(replays.start(new ReplayRequest("dk-east", FROM))).thenReturn("r-1");
        when(replays.progress("r-1")).thenReturn(Optional.of(new ReplayProgress("r-1", "dk-east", FROM,
                ReplayProgress.RUNNING, 0, 120, 0, null, null, null)));

        mvc.perform(post("/replays").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"districtId\":\"dk-east\",\"from\":\"2031-03-20T00:00:00Z\"}")
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-east")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/replays/r-1"))
                .andExpect(jsonPath("$.replayId").value("r-1"))
                .andExpect(jsonPath("$.eventsTotal").value(120));
    }

    @Test
    void aReplayWithoutABodyReplaysEveryDistrictFromTheBeginning() throws Exception {
        when(replays.start(new ReplayRequest(null, null))).thenReturn("r-2");
        when(replays.progress("r-2")).thenReturn(Optional.of(new ReplayProgress("r-2", null, null,
                ReplayProgress.RUNNING, 0, 0, 0, null, null, null)));

        mvc.perform(post("/replays").header(AUTHORIZATION, auditor("*"))).andExpect(status().isAccepted());
        verify(replays).start(new ReplayRequest(null, null));
    }

    @Test
    void aReplayOfEveryDistrictNeedsACallerOfEveryDistrictAndOfAnotherDistrictIsNotFound() throws Exception {
        mvc.perform(post("/replays").header(AUTHORIZATION, token(Role.ANALYST, "dk-east")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("districtId"));
        mvc.perform(post("/replays").contentType(MediaType.APPLICATION_JSON).content("{\"districtId\":\"dk-west\"}")
                        .header(AUTHORIZATION, token(Role.ANALYST, "dk-east")))
                .andExpect(status().isNotFound());
        verifyNoInteractions(replays);
    }

    @Test
    void onlyAnalystsAndAuditorsRunReplays() throws Exception {
        for (Role role : List.of(Role.NETWORK_MEMBER, Role.OPERATOR, Role.DATA_PROTECTION_OFFICER,
                Role.POLICE_SCREENER)) {
            mvc.perform(post("/replays").header(AUTHORIZATION, token(role, "*"))).andExpect(status().isForbidden());
            mvc.perform(get("/replays/{id}", "r-1").header(AUTHORIZATION, token(role, "*")))
                    .andExpect(status().isForbidden());
        }
        verifyNoInteractions(replays);
    }

    @Test
    void aReplayOfADistrictTheCallerDoesNotWorkInIsNotFound() throws Exception {
        when(replays.progress("r-3")).thenReturn(Optional.of(new ReplayProgress("r-3", "dk-east", null,
                ReplayProgress.RUNNING, 0, 0, 0, null, null, null)));

        mvc.perform(get("/replays/{id}", "r-3").header(AUTHORIZATION, token(Role.ANALYST, "dk-west")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/replays/{id}", "r-3").header(AUTHORIZATION, token(Role.ANALYST, "dk-east")))
                .andExpect(status().isOk());
    }

    @Test
    void theProgressShowsEventsDoneRateTimeLeftAndTheComparison() throws Exception {
        when(replays.progress("r-1")).thenReturn(Optional.of(new ReplayProgress("r-1", null, null,
                ReplayProgress.FINISHED, 120, 120, 40.0, Duration.ZERO, new ReplayComparison(118, 12, List.of()),
                null)));

        mvc.perform(get("/replays/{id}", "r-1").header(AUTHORIZATION, auditor("*")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FINISHED"))
                .andExpect(jsonPath("$.eventsDone").value(120))
                .andExpect(jsonPath("$.ratePerSecond").value(40.0))
                .andExpect(jsonPath("$.estimatedTimeLeft").value("PT0S"))
                .andExpect(jsonPath("$.comparison.equal").value(true))
                .andExpect(jsonPath("$.comparison.ledgerEntriesCompared").value(118));
    }

    @Test
    void anUnknownReplayIsNotFound() throws Exception {
        when(replays.progress("nope")).thenReturn(Optional.empty());

        mvc.perform(get("/replays/{id}", "nope").header(AUTHORIZATION, auditor("*")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aFromThatIsNotAnInstantIsRefused() throws Exception {
        mvc.perform(post("/replays").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"March\"}")
                        .header(AUTHORIZATION, auditor("*")))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(replays);
    }
}
