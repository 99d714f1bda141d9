package org.pve.caseplatform.plan.web;

import java.util.UUID;
import org.pve.caseplatform.plan.api.FamilyWorkbook;
import org.pve.caseplatform.plan.query.family.FamilyGroup;
import org.pve.caseplatform.plan.query.family.FamilyGroupProjection;
import org.pve.caseplatform.plan.query.family.FamilyWorkbookReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * One workbook per family: each member's case with its plan's stage, owner and open services. A family belongs to
 * its district; one outside the caller's districts is answered as if it did not exist. Each member's case is a read
 * of case detail, written to the access log.
 */
@RestController
class WorkbookController {

    private final FamilyGroupProjection families;
    private final FamilyWorkbookReader workbooks;
    private final AccessPolicy policy;
    private final CaseReads reads;

    WorkbookController(FamilyGroupProjection families, FamilyWorkbookReader workbooks, AccessPolicy policy,
                       CaseReads reads) {
        this.families = families;
        this.workbooks = workbooks;
        this.policy = policy;
        this.reads = reads;
    }

    @GetMapping("/families/{familyId}/workbook")
    FamilyWorkbook workbook(Caller caller, @PathVariable UUID familyId,
                            @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        policy.require(caller, Operation.VIEW_FAMILY_WORKBOOK);
        String recordId = "family " + familyId;
        FamilyGroup family = families.find(familyId).orElseThrow(() -> new UnknownRecord(recordId));
        RecordScope scope = RecordScope.district(family.districtId());
        policy.requireInScope(caller, Operation.VIEW_FAMILY_WORKBOOK, recordId, scope);
        policy.requirePurpose(caller, Operation.VIEW_FAMILY_WORKBOOK, purpose);
        family.members().forEach(member -> reads.authorize(caller, Operation.VIEW_FAMILY_WORKBOOK, recordId,
                member.caseId(), scope, purpose, "family-workbook"));
        return new FamilyWorkbook(familyId, family.districtId(),
                family.members().stream().map(workbooks::entry).toList());
    }
}
