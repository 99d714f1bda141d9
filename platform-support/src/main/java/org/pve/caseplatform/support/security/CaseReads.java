package org.pve.caseplatform.support.security;

import java.util.UUID;
import org.pve.caseplatform.contract.AccessPurpose;

/**
 * The gate in front of every read of case detail: the record must be within the caller's reach (404 otherwise,
 * as if missing), the stated purpose must be one the role may use (never prosecution), and the read is written to
 * the access log before anything is answered.
 */
public class CaseReads {

    private final AccessPolicy policy;
    private final AccessLog accessLog;

    public CaseReads(AccessPolicy policy, AccessLog accessLog) {
        this.policy = policy;
        this.accessLog = accessLog;
    }

    public AccessPurpose authorize(Caller caller, Operation operation, String recordId, UUID caseId,
                                   RecordScope record, String statedPurpose, String view) {
        policy.requireInScope(caller, operation, recordId, record);
        AccessPurpose purpose = policy.requirePurpose(caller, operation, statedPurpose);
        accessLog.recordRead(caller, caseId, record.districtId(), view, purpose);
        return purpose;
    }
}
