package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.SharingPurpose;

/**
 * A case's assessment as the panel sees it: summaries decrypted (absent once erased), the panel members'
 * confidentiality agreements, the information the agencies shared, the factor profile (each domain's latest rating
 * per factor and agency), once the assessment ended without agreement, how it ended, and whether it was marked
 * overdue (still open when its dueAt passed); version = last sequence, sent as the ETag. The framework is the version
 * the assessment was opened with (absent only if that version is no longer published); the factor profile lists
 * each of its domains in order, rated or not. The panel meetings' decisions come in order. The life chronology
 * (framework section CHRONOLOGY) comes sorted by the day each entry is about, entries of one day in the order they
 * were recorded; the risk scenarios (section SCENARIOS) in the order they were described; both empty in a framework
 * without the section, their text absent once erased.
 */
public record AssessmentView(UUID caseId, String districtId, String subjectRef, String frameworkId,
                             int frameworkVersion, List<Agency> requiredAgencies, Instant openedAt, Instant dueAt,
                             AssessmentStage stage, List<Formulation> formulations,
                             List<ConfidentialityAgreement> confidentialityAgreements,
                             List<InformationShared> information, Map<String, List<FactorRating>> factorProfile,
                             Ending ending, boolean overdue, long version, AssessmentFramework framework,
                             List<PanelDecisionTaken> panelDecisions, List<ChronologyEntry> chronology,
                             List<RiskScenario> riskScenarios) {

    /** One dated entry of the person's life chronology, its text absent once erased. */
    public record ChronologyEntry(LocalDate happenedOn, String entry, Agency agency, String recordedBy,
                                  Instant recordedAt) {
    }

    /** One described risk scenario with its likelihood (0 to 3), its text absent once erased. */
    public record RiskScenario(String scenario, int likelihood, Agency agency, String describedBy,
                               Instant describedAt) {
    }

    /** A panel meeting's decision about the case, with its rationale (absent once erased). */
    public record PanelDecisionTaken(UUID meetingId, PanelDecision decision, String rationale, String decidedBy,
                                     SecurityDestination escalatedTo, Instant at) {
    }

    /** One agency's contribution: its legal basis, purpose and the summary (absent once erased). */
    public record InformationShared(Agency agency, String sharedBy, String legalBasis, SharingPurpose purpose,
                                    String summary, Instant sharedAt) {
    }

    /** One factor's rating by one agency, with its evidence (absent once erased). */
    public record FactorRating(String factorId, int rating, Agency agency, String ratedBy, String evidence,
                               Instant ratedAt) {
    }

    /** How an assessment ended without an agreed formulation: escalated to security or no further action. */
    public record Ending(AssessmentStage stage, String decidedBy, String reason, SecurityDestination escalatedTo,
                         Instant at) {
    }

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
