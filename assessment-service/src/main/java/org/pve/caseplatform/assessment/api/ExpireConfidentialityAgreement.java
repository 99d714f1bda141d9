package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End a panel member's confidentiality agreement for the case. A person's expiry leaves {@code scheduledFor} out and
 * is refused when no agreement is on record; the schedule names the validUntil it fires for, and changes nothing
 * when that agreement already ended or was extended since.
 */
public record ExpireConfidentialityAgreement(
        @TargetAggregateIdentifier UUID caseId,
        String memberId,
        String expiredBy,
        Instant scheduledFor) {

    /** Who the schedule's expiries are recorded as. */
    public static final String EXPIRY_SCHEDULE = "expiry-schedule";

    public static ExpireConfidentialityAgreement byPerson(UUID caseId, String memberId, String expiredBy) {
        return new ExpireConfidentialityAgreement(caseId, memberId, expiredBy, null);
    }

    public static ExpireConfidentialityAgreement bySchedule(UUID caseId, String memberId, Instant validUntil) {
        return new ExpireConfidentialityAgreement(caseId, memberId, EXPIRY_SCHEDULE, validUntil);
    }

    public boolean scheduled() {
        return scheduledFor != null;
    }
}
