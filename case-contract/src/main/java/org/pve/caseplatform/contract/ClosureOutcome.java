package org.pve.caseplatform.contract;

/** Why a case was closed. */
public enum ClosureOutcome {
    GOALS_MET, DISENGAGED, ESCALATED, MOVED_AWAY, CONSENT_WITHDRAWN
}
