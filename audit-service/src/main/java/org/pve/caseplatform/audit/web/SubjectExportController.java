package org.pve.caseplatform.audit.web;

import java.util.List;
import org.pve.caseplatform.audit.api.SubjectAccessExport;
import org.pve.caseplatform.audit.query.CaseFile;
import org.pve.caseplatform.audit.query.SubjectExports;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject access export (EXPORT_SUBJECT_DATA) for the data protection officer, stating DATA_PROTECTION: every case
 * of the subject in the caller's districts, decrypted, with who read it and why. 404 when no case of the subject
 * is within the caller's reach, exactly as for a subject never referred. Each exported case is written to the
 * access log as the view {@value #VIEW} before the answer.
 */
@RestController
class SubjectExportController {

    static final String VIEW = "subject-access-export";

    private final SubjectExports exports;
    private final AccessPolicy policy;
    private final CaseReads reads;

    SubjectExportController(SubjectExports exports, AccessPolicy policy, CaseReads reads) {
        this.exports = exports;
        this.policy = policy;
        this.reads = reads;
    }

    @GetMapping("/subjects/{subjectRef}/export")
    SubjectAccessExport export(@PathVariable String subjectRef,
                               @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose,
                               Caller caller) {
        policy.require(caller, Operation.EXPORT_SUBJECT_DATA);
        List<CaseFile> visible = exports.casesOf(subjectRef).stream()
                .filter(file -> policy.inScope(caller, Operation.EXPORT_SUBJECT_DATA, scope(file)))
                .toList();
        if (visible.isEmpty()) {
            throw new UnknownRecord(subjectRef);
        }
        if (policy.requirePurpose(caller, Operation.EXPORT_SUBJECT_DATA, purpose) != AccessPurpose.DATA_PROTECTION) {
            throw new Forbidden(AccessPolicy.PURPOSE_HEADER, "a subject access export is made for "
                    + AccessPurpose.DATA_PROTECTION);
        }
        for (CaseFile file : visible) {
            reads.authorize(caller, Operation.EXPORT_SUBJECT_DATA, file.caseId().toString(), file.caseId(),
                    scope(file), purpose, VIEW);
        }
        return exports.export(subjectRef, visible);
    }

    private static RecordScope scope(CaseFile file) {
        return RecordScope.district(file.districtId()).sealed(file.sealed());
    }
}
