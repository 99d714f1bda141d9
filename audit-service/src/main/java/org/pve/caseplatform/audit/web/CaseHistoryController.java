package org.pve.caseplatform.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.audit.history.StagedCaseHistory;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's history as the ledger witnessed it, whole or as of an instant. Both parameters are read here, so that a
 * malformed one is refused through {@link InvalidRequest} with the parameter named in the problem's errors (Spring's
 * own problem-details handler, which the platform enables, answers conversion failures without that list).
 */
@RestController
class CaseHistoryController {

    private final CaseHistoryReader histories;

    CaseHistoryController(CaseHistoryReader histories) {
        this.histories = histories;
    }

    @GetMapping("/cases/{caseId}/history")
    StagedCaseHistory history(@PathVariable String caseId, @RequestParam(required = false) String asOf) {
        UUID id = uuid("caseId", caseId);
        return StagedCaseHistory.of(histories.find(id, asOf == null ? null : instant("asOf", asOf)));
    }

    private static UUID uuid(String parameter, String value) {
        try {
            UUID uuid = UUID.fromString(value);
            if (uuid.toString().equalsIgnoreCase(value)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidRequest(parameter, "is not a valid UUID");
    }

    private static Instant instant(String parameter, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidRequest(parameter, "is not an ISO-8601 instant such as 2031-03-04T09:00:00Z");
        }
    }
}
