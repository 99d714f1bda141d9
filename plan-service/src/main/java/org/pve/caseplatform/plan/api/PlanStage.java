package org.pve.caseplatform.plan.api;

/** Whether the plan is still being worked or the case is closed. */
public enum PlanStage {
    OPEN, CLOSED
}
