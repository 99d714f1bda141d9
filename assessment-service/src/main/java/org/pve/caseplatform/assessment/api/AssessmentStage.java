package org.pve.caseplatform.assessment.api;

/** Where a case's assessment stands. */
public enum AssessmentStage {
    OPEN, FORMULATION_AGREED
}
