package org.pve.caseplatform.audit.web;

import java.nio.charset.StandardCharsets;
import org.pve.caseplatform.audit.history.CaseHistoryExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case history exported as CSV ({@code /cases/{caseId}/history.csv} or {@code ?format=csv}); the JSON export is
 * the history itself. Pseudonyms only: the ledger holds personal fields encrypted and the export drops even those.
 */
@RestController
class CaseHistoryExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CaseHistoryController histories;

    CaseHistoryExportController(CaseHistoryController histories) {
        this.histories = histories;
    }

    @GetMapping("/cases/{caseId}/history.csv")
    ResponseEntity<String> csv(@PathVariable String caseId, @RequestParam(required = false) String asOf) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + "-history.csv\"")
                .body(CaseHistoryExport.csv(histories.history(caseId, asOf)));
    }

    @GetMapping(value = "/cases/{caseId}/history", params = "format=csv")
    ResponseEntity<String> csvByFormat(@PathVariable String caseId, @RequestParam(required = false) String asOf) {
        return csv(caseId, asOf);
    }
}
