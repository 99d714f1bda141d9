package org.pve.caseplatform.audit.web;

import java.util.List;
import java.util.Set;
import org.pve.caseplatform.audit.cohort.CohortExport;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.CohortScope;
import org.pve.caseplatform.audit.cohort.OutcomeCount;
import org.pve.caseplatform.audit.cohort.StageCount;
import org.pve.caseplatform.audit.cohort.TimeInStage;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cohort views (VIEW_COHORTS): aggregates only, never a case. A district named must be one the caller works in
 * (404 as for a district that does not exist); without one, the caller's own districts are counted. Analysts,
 * auditors and the data protection officer see every count; the district network (NETWORK_MEMBER) and operators
 * see each count under 5 withheld. Cases sealed on the security side are counted for the police alone.
 */
@RestController
class CohortController {

    private static final Set<Role> SUPPRESSED = Set.of(Role.NETWORK_MEMBER, Role.OPERATOR);

    private final CohortReader cohorts;
    private final AccessPolicy policy;

    CohortController(CohortReader cohorts, AccessPolicy policy) {
        this.cohorts = cohorts;
        this.policy = policy;
    }

    @GetMapping("/cohorts/stages")
    List<StageCount> stages(@RequestParam(required = false) String districtId,
                            @RequestParam(required = false) String month, Caller caller) {
        CohortScope scope = scope(caller, districtId);
        if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new InvalidRequest("month", "is not a month such as 2031-03");
        }
        return cohorts.stages(scope, month, suppressed(caller));
    }

    @GetMapping("/cohorts/time-in-stage")
    List<TimeInStage> timeInStage(@RequestParam(required = false) String districtId, Caller caller) {
        return cohorts.timeInStage(scope(caller, districtId), suppressed(caller));
    }

    @GetMapping("/cohorts/outcomes")
    List<OutcomeCount> outcomes(@RequestParam(required = false) String districtId, Caller caller) {
        return cohorts.outcomes(scope(caller, districtId), suppressed(caller));
    }

    @GetMapping(value = "/cohorts/stages", params = "format=csv")
    ResponseEntity<String> stagesCsv(@RequestParam(required = false) String districtId,
                                     @RequestParam(required = false) String month, Caller caller) {
        return csv(CohortExport.stages(stages(districtId, month, caller)));
    }

    @GetMapping("/cohorts/stages.csv")
    ResponseEntity<String> stagesCsvByPath(@RequestParam(required = false) String districtId,
                                           @RequestParam(required = false) String month, Caller caller) {
        return stagesCsv(districtId, month, caller);
    }

    @GetMapping(value = "/cohorts/time-in-stage", params = "format=csv")
    ResponseEntity<String> timeInStageCsv(@RequestParam(required = false) String districtId, Caller caller) {
        return csv(CohortExport.timeInStage(timeInStage(districtId, caller)));
    }

    @GetMapping("/cohorts/time-in-stage.csv")
    ResponseEntity<String> timeInStageCsvByPath(@RequestParam(required = false) String districtId, Caller caller) {
        return timeInStageCsv(districtId, caller);
    }

    @GetMapping(value = "/cohorts/outcomes", params = "format=csv")
    ResponseEntity<String> outcomesCsv(@RequestParam(required = false) String districtId, Caller caller) {
        return csv(CohortExport.outcomes(outcomes(districtId, caller)));
    }

    @GetMapping("/cohorts/outcomes.csv")
    ResponseEntity<String> outcomesCsvByPath(@RequestParam(required = false) String districtId, Caller caller) {
        return outcomesCsv(districtId, caller);
    }

    private static ResponseEntity<String> csv(String body) {
        return ResponseEntity.ok().contentType(CaseHistoryExportController.CSV).body(body);
    }

    /** The cases the caller may count: the district named (one of theirs) or all of theirs. */
    private CohortScope scope(Caller caller, String districtId) {
        policy.require(caller, Operation.VIEW_COHORTS);
        if (districtId != null) {
            policy.requireDistrict(caller, districtId);
            return new CohortScope(Set.of(districtId), caller.isPolice());
        }
        return new CohortScope(caller.worksInEveryDistrict() ? null : caller.districts(), caller.isPolice());
    }

    static boolean suppressed(Caller caller) {
        return SUPPRESSED.contains(caller.role());
    }
}
