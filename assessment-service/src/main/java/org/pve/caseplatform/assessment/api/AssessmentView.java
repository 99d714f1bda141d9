package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;

/**
 * A case's assessment as the panel sees it: summaries decrypted (absent once erased), the panel members'
 * confidentiality agreements; version = last sequence.
 */
public record AssessmentView(UUID caseId, String districtId, String subjectRef, String frameworkId,
                             int frameworkVersion, List<Agency> requiredAgencies, Instant openedAt, Instant dueAt,
                             AssessmentStage stage, List<Formulation> formulations,
                             List<ConfidentialityAgreement> confidentialityAgreements, long version) {

    /** One proposed version of the formulation and who endorsed it. */
    public record Formulation(int version, List<String> needs, InterventionLevel interventionLevel,
                              Agency leadAgency, String proposedBy, String summary, Instant proposedAt,
                              List<Endorsement> endorsements, boolean agreed) {
    }

    /** An agency's endorsement of one version. */
    public record Endorsement(Agency agency, String endorsedBy, Instant at) {
    }

    /** A panel member's latest confidentiality agreement: active while not expired and validUntil is ahead. */
    public record ConfidentialityAgreement(String memberId, Agency agency, Instant validUntil, boolean active) {
    }

    /** Whether the member has an active confidentiality agreement for the case. */
    public boolean hasActiveAgreement(String memberId) {
        return confidentialityAgreements.stream().anyMatch(a -> a.memberId().equals(memberId) && a.active());
    }
}
