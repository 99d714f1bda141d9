package org.pve.caseplatform.assessment.api;

/**
 * Where a case's assessment stands. Only an OPEN assessment takes commands: an agreed formulation hands the case
 * to the plan, an escalation takes it off the preventive track, a conclusion ends it without a plan.
 */
public enum AssessmentStage {
    OPEN, FORMULATION_AGREED, ESCALATED_TO_SECURITY, CONCLUDED_NO_FURTHER_ACTION
}
