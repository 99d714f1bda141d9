package org.pve.caseplatform.assessment.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.assessment.api.AssessmentStage;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.reference.PracticeModel;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.pve.caseplatform.support.security.Role;
import org.springframework.stereotype.Component;

/**
 * The assessment's gate: the role may send the operation (403), the assessment is within the caller's reach (404,
 * as if missing), a case-detail read states its purpose and is logged, and in a practice model that requires it a
 * panel member has an active confidentiality agreement for the case (403 naming the agreement). An assessment
 * belongs to the practice model's panel agencies, the lead agency of any formulation and the endorsing agencies.
 */
@Component
class AssessmentAccess {

    static final String VIEW = "assessment";

    private final AssessmentViewReader views;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final DistrictDirectory districts;

    AssessmentAccess(AssessmentViewReader views, AccessPolicy policy, CaseReads reads, DistrictDirectory districts) {
        this.views = views;
        this.policy = policy;
        this.reads = reads;
        this.districts = districts;
    }

    /** The assessment for a case-detail read, after every check and the access-log entry. */
    AssessmentView read(Caller caller, Operation operation, UUID caseId, String purpose) {
        policy.require(caller, operation);
        AssessmentView view = views.find(caseId);
        RecordScope scope = scopeOf(view);
        policy.requireInScope(caller, operation, caseId.toString(), scope);
        policy.requirePurpose(caller, operation, purpose);
        requireAgreement(caller, view);
        reads.authorize(caller, operation, caseId.toString(), caseId, scope, purpose, VIEW);
        return view;
    }

    /** The assessment a command is about, once the role, the scope and (if asked for) the agreement allow it. */
    AssessmentView command(Caller caller, Operation operation, UUID caseId, boolean needsAgreement) {
        policy.require(caller, operation);
        AssessmentView view = views.find(caseId);
        policy.requireInScope(caller, operation, caseId.toString(), scopeOf(view));
        if (needsAgreement) {
            requireAgreement(caller, view);
        }
        return view;
    }

    RecordScope scopeOf(AssessmentView view) {
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        agencies.addAll(districts.find(view.districtId()).map(d -> d.practiceModel().requiredAgencies())
                .orElse(view.requiredAgencies()));
        view.formulations().forEach(formulation -> {
            if (formulation.leadAgency() != null) {
                agencies.add(formulation.leadAgency());
            }
            formulation.endorsements().forEach(endorsement -> agencies.add(endorsement.agency()));
        });
        // escalated to security, the case left the preventive track: from then on it exists for the police only
        return RecordScope.of(view.districtId(), agencies).sealedIfEscalatedTo(
                view.stage() == AssessmentStage.ESCALATED_TO_SECURITY ? view.ending().escalatedTo() : null);
    }

    void requireAgreement(Caller caller, AssessmentView view) {
        if (caller.role() == Role.PANEL_MEMBER && agreementRequired(view.districtId())
                && !view.hasActiveAgreement(caller.id())) {
            throw new Forbidden("confidentialityAgreement", "record a confidentiality agreement for this case first");
        }
    }

    /** Whether the district's practice model requires agreements; a district this build does not know does. */
    private boolean agreementRequired(String districtId) {
        return districts.find(districtId).map(d -> d.practiceModel())
                .map(PracticeModel::confidentialityAgreementRequired).orElse(true);
    }
}
