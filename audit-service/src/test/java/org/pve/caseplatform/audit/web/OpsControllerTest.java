package org.pve.caseplatform.audit.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.ops.OpsDashboard;
import org.pve.caseplatform.audit.ops.OpsSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The operator dashboard is open like /actuator/prometheus, and its page loads nothing from elsewhere. */
@WebMvcTest(OpsController.class)
class OpsControllerTest extends SecuredWebTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private OpsDashboard dashboard;

    @Test
    void theFiguresAnswerWithoutATokenAsAggregatesOnly() throws Exception {
        when(dashboard.snapshot()).thenReturn(new OpsSnapshot(Instant.parse("2031-03-04T09:00:00Z"), 5.0,
                List.of(new OpsSnapshot.Source("http://localhost:8084", "audit-service", true, null, 12)),
                List.of(new OpsSnapshot.Panel("cases", "Cases per stage", "platform_cases",
                        List.of("district", "stage"), false,
                        List.of(new OpsSnapshot.Row(Map.of("district", "dk-fyn", "stage", "REFERRED"), 3, null))))));

        mvc.perform(get("/ops/metrics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.scrapedAt").value("2031-03-04T09:00:00Z"))
                .andExpect(jsonPath("$.sources[0].application").value("audit-service"))
                .andExpect(jsonPath("$.panels[0].rows[0].labels.stage").value("REFERRED"))
                .andExpect(jsonPath("$.panels[0].rows[0].value").value(3.0))
                .andExpect(jsonPath("$.panels[0].rows[0].perSecond").doesNotExist());
    }

    @Test
    void thePageComesWithAPolicyThatAllowsOnlyItsOwnScriptStyleAndFigures() throws Exception {
        mvc.perform(get("/ops/dashboard"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Content-Security-Policy", OpsController.CONTENT_SECURITY_POLICY))
                .andExpect(content().string(containsString("<script src=\"dashboard.js\"></script>")))
                .andExpect(content().string(not(containsString("http"))));
    }
}
