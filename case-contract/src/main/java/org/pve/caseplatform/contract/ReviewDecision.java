package org.pve.caseplatform.contract;

/** What a case review decided. */
public enum ReviewDecision {
    CONTINUE, ADJUST_PLAN, ESCALATE, CLOSE
}
