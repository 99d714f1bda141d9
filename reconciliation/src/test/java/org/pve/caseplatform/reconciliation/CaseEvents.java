package org.pve.caseplatform.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.ErasureReason;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.referral.PersonalDataErased;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

/** Invented events of one case, shaped as the services write them (personal fields encrypted). */
record CaseEvents(UUID caseId, String districtId, Instant at) {

    static final String DISTRICT = "dk-nordjylland";

    static CaseEvents newCase(Instant at) {
        return new CaseEvents(UUID.randomUUID(), DISTRICT, at);
    }

    String id() {
        return caseId.toString();
    }

    String subjectRef() {
        return "subject-" + caseId;
    }

    ReferralReceived received() {
        return new ReferralReceived(caseId, districtId, at, UUID.randomUUID(), "0851", Channel.AGENCY,
                Agency.EDUCATION, null, subjectRef(), EncryptedValue.of(subjectRef(), "aXY=", "c2VhbGVk"),
                AgeBand.AGE_16_17, List.of(ConcernCategory.FAR_RIGHT), EncryptedValue.of(subjectRef(), "aXY=",
                        "c2VhbGVk"));
    }

    SecurityScreenCleared cleared() {
        return new SecurityScreenCleared(caseId, districtId, at.plusSeconds(1), UUID.randomUUID(), subjectRef(),
                "screener-1", "no security concern");
    }

    ReferralEscalatedToSecurity escalated() {
        return new ReferralEscalatedToSecurity(caseId, districtId, at.plusSeconds(1), UUID.randomUUID(),
                "screener-1", SecurityDestination.INTELLIGENCE_SERVICE, "security concern");
    }

    PersonalDataErased erased() {
        return new PersonalDataErased(caseId, districtId, at.plusSeconds(5), subjectRef(), subjectRef(),
                ErasureReason.ERASURE_REQUEST, "dpo-1");
    }

    AssessmentOpened opened() {
        return new AssessmentOpened(caseId, districtId, at.plusSeconds(2), subjectRef(), "dk-dialogue", 1,
                List.of(Agency.SOCIAL_SERVICES), at.plusSeconds(2).plusSeconds(30L * 86_400));
    }

    FormulationAgreed agreed() {
        return new FormulationAgreed(caseId, districtId, at.plusSeconds(3), subjectRef(), 1, List.of("mentoring"),
                InterventionLevel.EARLY_SUPPORT, Agency.SOCIAL_SERVICES, List.of(Agency.SOCIAL_SERVICES));
    }

    PlanOpened planOpened() {
        return new PlanOpened(caseId, districtId, at.plusSeconds(4), subjectRef(), 1, List.of("mentoring"),
                InterventionLevel.EARLY_SUPPORT, 30, Agency.SOCIAL_SERVICES, List.of(Agency.SOCIAL_SERVICES));
    }
}
