package org.pve.caseplatform.contract;

/**
 * What a panel meeting decided about a case on its agenda. The last two end the assessment: each is followed by
 * the assessment's own ending event (AssessmentConcludedNoFurtherAction, AssessmentEscalatedToSecurity).
 */
public enum PanelDecision {
    CONTINUE_ASSESSMENT, REQUEST_INFORMATION, CONCLUDE_NO_FURTHER_ACTION, ESCALATE_TO_SECURITY;

    /** Whether the decision ends the assessment. */
    public boolean endsAssessment() {
        return this == CONCLUDE_NO_FURTHER_ACTION || this == ESCALATE_TO_SECURITY;
    }
}
