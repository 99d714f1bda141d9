package org.pve.caseplatform.audit.web;

import java.nio.charset.StandardCharsets;
import org.pve.caseplatform.audit.history.CaseHistoryExport;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case history exported as CSV ({@code /cases/{caseId}/history.csv} or {@code ?format=csv}); the JSON export is
 * the history itself. The same case-detail read as the history (VIEW_CASE_HISTORY, purpose, access log), logged as
 * the view {@value #VIEW}. Pseudonyms only: the export drops even the ciphertext of personal fields.
 */
@RestController
class CaseHistoryExportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final String VIEW = "case-history-csv";

    private final CaseHistoryController histories;

    CaseHistoryExportController(CaseHistoryController histories) {
        this.histories = histories;
    }

    @GetMapping("/cases/{caseId}/history.csv")
    ResponseEntity<String> csv(@PathVariable String caseId, @RequestParam(required = false) String asOf,
                               @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose,
                               Caller caller) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + caseId + "-history.csv\"")
                .body(CaseHistoryExport.csv(histories.read(caseId, asOf, purpose, caller, VIEW)));
    }

    @GetMapping(value = "/cases/{caseId}/history", params = "format=csv")
    ResponseEntity<String> csvByFormat(@PathVariable String caseId, @RequestParam(required = false) String asOf,
                                       @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false)
                                       String purpose, Caller caller) {
        return csv(caseId, asOf, purpose, caller);
    }
}
