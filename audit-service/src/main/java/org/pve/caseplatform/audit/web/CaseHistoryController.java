package org.pve.caseplatform.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.audit.history.StagedCaseHistory;
import org.pve.caseplatform.audit.query.CaseFile;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's history as the ledger witnessed it, whole or as of an instant: case detail (VIEW_CASE_HISTORY), so the
 * caller states a purpose and the read goes to the access log first. The case's scope is its district; a case
 * sealed on the security side is there for the police alone, and anyone else gets the 404 of a case never seen.
 * Both parameters are read here, so that a malformed one is refused through {@link InvalidRequest} with the
 * parameter named in the problem's errors.
 */
@RestController
class CaseHistoryController {

    static final String VIEW = "case-history";

    private final CaseHistoryReader histories;
    private final AccessPolicy policy;
    private final CaseReads reads;

    CaseHistoryController(CaseHistoryReader histories, AccessPolicy policy, CaseReads reads) {
        this.histories = histories;
        this.policy = policy;
        this.reads = reads;
    }

    @GetMapping("/cases/{caseId}/history")
    StagedCaseHistory history(@PathVariable String caseId, @RequestParam(required = false) String asOf,
                              @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose,
                              Caller caller) {
        return read(caseId, asOf, purpose, caller, VIEW);
    }

    StagedCaseHistory read(String caseId, String asOf, String purpose, Caller caller, String view) {
        policy.require(caller, Operation.VIEW_CASE_HISTORY);
        UUID id = uuid("caseId", caseId);
        Instant at = asOf == null ? null : instant("asOf", asOf);
        CaseFile file = histories.caseFile(id).orElseThrow(() -> new UnknownRecord(caseId));
        reads.authorize(caller, Operation.VIEW_CASE_HISTORY, caseId, id,
                RecordScope.district(file.districtId()).sealed(file.sealed()), purpose, view);
        return StagedCaseHistory.of(histories.find(id, at));
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
