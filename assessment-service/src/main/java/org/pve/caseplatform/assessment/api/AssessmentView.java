package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;

/** A case's assessment as the panel sees it, summaries decrypted (absent once erased); version = last sequence. */
public record AssessmentView(UUID caseId, String districtId, String subjectRef, String frameworkId,
                             int frameworkVersion, List<Agency> requiredAgencies, Instant openedAt, Instant dueAt,
                             AssessmentStage stage, List<Formulation> formulations, long version) {

    /** One proposed version of the formulation and who endorsed it. */
    public record Formulation(int version, List<String> needs, InterventionLevel interventionLevel,
                              Agency leadAgency, String proposedBy, String summary, Instant proposedAt,
                              List<Endorsement> endorsements, boolean agreed) {
    }

    /** An agency's endorsement of one version. */
    public record Endorsement(Agency agency, String endorsedBy, Instant at) {
    }
}
