package org.pve.caseplatform.contract;

/** Why a person's key was destroyed: the retention period ran out, or the person asked for erasure. */
public enum ErasureReason {
    RETENTION_EXPIRED, ERASURE_REQUEST
}
