package org.pve.caseplatform.assessment.web;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.contract.Agency;

/**
 * What a contribution, rating, escalation or conclusion answers: who sent it for which agency and where the
 * assessment now stands. The detail is read with GET and a stated purpose.
 */
record ContributionAccepted(UUID caseId, Agency agency, String by, AssessmentStage stage, long version) {
}
