package org.pve.caseplatform.audit.cohort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

/** Invented cases, as the events their services publish; the personal fields hold invented ciphertext. */
public final class Cases {

    private Cases() {
    }

    public static ReferralReceived received(UUID caseId, String district, Instant at) {
        return new ReferralReceived(caseId, district, at, UUID.randomUUID(), "0999", Channel.AGENCY,
                Agency.EDUCATION, "ext-" + caseId, "sub-" + caseId.toString().substring(0, 8),
                EncryptedValue.of("sub-x", "aXY=", "aW52ZW50ZWQgaWRlbnRpdHk="), AgeBand.AGE_16_17,
                List.of(ConcernCategory.MIXED_OR_UNCLEAR), EncryptedValue.of("sub-x", "aXY=", "Y29uY2Vybg=="));
    }

    /** Referred at {@code at}, cleared {@code screeningHours} later, closed by the screener or not. */
    public static List<CaseEvent> screened(UUID caseId, String district, Instant at, long screeningHours) {
        return List.of(received(caseId, district, at), new SecurityScreenCleared(caseId, district,
                at.plus(Duration.ofHours(screeningHours)), UUID.randomUUID(), "sub-x", "screener-ole", "cleared"));
    }

    public static List<CaseEvent> closedNoFurtherAction(UUID caseId, String district, Instant at) {
        return List.of(received(caseId, district, at), new ReferralClosedNoFurtherAction(caseId, district,
                at.plus(Duration.ofHours(1)), UUID.randomUUID(), "screener-ole", NoFurtherActionReason.NO_CONCERN,
                "no concern"));
    }

    public static List<CaseEvent> escalated(UUID caseId, String district, Instant at, SecurityDestination to) {
        return List.of(received(caseId, district, at), new ReferralEscalatedToSecurity(caseId, district,
                at.plus(Duration.ofHours(1)), UUID.randomUUID(), "screener-ole", to, "risk"));
    }

    /** A whole case: screened, agreed, planned, commissioned and closed with {@code outcome}. */
    public static List<CaseEvent> whole(UUID caseId, String district, Instant at, ClosureOutcome outcome) {
        List<CaseEvent> events = new ArrayList<>(screened(caseId, district, at, 2));
        events.add(new FormulationAgreed(caseId, district, at.plus(Duration.ofDays(10)), "sub-x", 1,
                List.of("mentor"), InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES, List.of(Agency.POLICE)));
        events.add(new PlanOpened(caseId, district, at.plus(Duration.ofDays(11)), "sub-x", 1, List.of("mentor"),
                InterventionLevel.TARGETED, 28));
        events.add(new ServiceCommissioned(caseId, district, at.plus(Duration.ofDays(12)), UUID.randomUUID(),
                "ngo-exit", ServiceType.MENTORING, "mentor", LocalDate.parse("2031-05-01"), "owner-mette",
                EncryptedValue.of("sub-x", "aXY=", "YnJpZWZpbmc=")));
        events.add(new CaseClosed(caseId, district, at.plus(Duration.ofDays(90)), outcome, "owner-mette"));
        return events;
    }
}
