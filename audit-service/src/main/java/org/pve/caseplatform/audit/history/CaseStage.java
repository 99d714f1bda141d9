package org.pve.caseplatform.audit.history;

/** Where a case stands on the preventive track, as the events the ledger saw place it. */
public enum CaseStage {
    REFERRED, ESCALATED_TO_SECURITY, CLOSED_NO_FURTHER_ACTION, IN_ASSESSMENT, FORMULATION_AGREED, PLANNED,
    IN_DELIVERY, CLOSED
}
