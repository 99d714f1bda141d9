package org.pve.caseplatform.audit.web;

import java.util.List;
import java.util.Set;
import org.pve.caseplatform.audit.cohort.CohortExport;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.audit.cohort.OutcomeCount;
import org.pve.caseplatform.audit.cohort.StageCount;
import org.pve.caseplatform.audit.cohort.TimeInStage;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cohort views: aggregates only, never a case. Analysts, auditors and the data protection officer see every
 * count; anyone else, the district network (NETWORK_MEMBER) first of all and an anonymous caller too, sees each count
 * under 5 withheld. The caller comes from interim headers (see {@link Caller}), so this is no security boundary yet.
 */
@RestController
class CohortController {

    private static final Set<Role> FULL_VIEW = Set.of(Role.ANALYST, Role.AUDITOR, Role.DATA_PROTECTION_OFFICER);

    private final CohortReader cohorts;

    CohortController(CohortReader cohorts) {
        this.cohorts = cohorts;
    }

    @GetMapping("/cohorts/stages")
    List<StageCount> stages(@RequestParam(required = false) String districtId,
                            @RequestParam(required = false) String month, Caller caller) {
        if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new InvalidRequest("month", "is not a month such as 2031-03");
        }
        return cohorts.stages(districtId, month, suppressed(caller));
    }

    @GetMapping("/cohorts/time-in-stage")
    List<TimeInStage> timeInStage(@RequestParam(required = false) String districtId, Caller caller) {
        return cohorts.timeInStage(districtId, suppressed(caller));
    }

    @GetMapping("/cohorts/outcomes")
    List<OutcomeCount> outcomes(@RequestParam(required = false) String districtId, Caller caller) {
        return cohorts.outcomes(districtId, suppressed(caller));
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

    static boolean suppressed(Caller caller) {
        return !FULL_VIEW.contains(caller.role());
    }
}
