package org.pve.caseplatform.assessment.web;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.contract.Agency;

/**
 * What an endorsement answers: whose it was and where the assessment now stands (FORMULATION_AGREED once the last
 * panel agency endorsed). The assessment's detail is read with GET and a stated purpose.
 */
record EndorsementAccepted(UUID caseId, int formulationVersion, Agency agency, String endorsedBy,
                           AssessmentStage stage, long version) {
}
