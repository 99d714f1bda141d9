package org.pve.caseplatform.plan.api;

/** Whether the plan is still being worked, the case is closed, or it left for the security services. */
public enum PlanStage {
    OPEN, CLOSED, ESCALATED
}
