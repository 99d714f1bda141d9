package org.pve.caseplatform.assessment.web;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.contract.PanelDecision;

/** A decision recorded on the case: where its assessment stands now and its version. */
record DecisionAccepted(UUID meetingId, UUID caseId, PanelDecision decision, String decidedBy, AssessmentStage stage,
                        long version) {
}
