package org.pve.caseplatform.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;

/**
 * A referral as a caller sees it, personal fields decrypted. {@code subject} is null when the subject is unknown,
 * when the practice model hides names and the caller has not revealed this one ({@code identityHidden}), or once
 * the personal data was erased ({@code personalDataErased}, which also empties {@code concernSummary}); the
 * pseudonym {@code subjectRef} stays in every case.
 */
public record ReferralView(UUID referralId, UUID caseId, String districtId, String municipalityId, Channel channel,
                           Agency referrerAgency, String externalReference, String subjectRef, Subject subject,
                           AgeBand ageBand, List<ConcernCategory> concernCategories, String concernSummary,
                           ReferralStage stage, Instant receivedAt, Screening screening, long version,
                           boolean channelLiaison, boolean screeningOverdue, boolean identityHidden,
                           boolean personalDataErased) {

    /** Escalated to the security side (Channel is a liaison, not a seal): outside the police it does not exist. */
    public boolean sealed() {
        return stage == ReferralStage.ESCALATED_TO_SECURITY;
    }

    /** The same referral without the subject's identity (names hidden by the practice model). */
    public ReferralView withIdentityHidden() {
        return new ReferralView(referralId, caseId, districtId, municipalityId, channel, referrerAgency,
                externalReference, subjectRef, null, ageBand, concernCategories, concernSummary, stage, receivedAt,
                screening, version, channelLiaison, screeningOverdue, true, personalDataErased);
    }

    /** The person referred, when known. */
    public record Subject(String givenNames, String familyName, LocalDate dateOfBirth) {
    }

    /** The screener's decision. */
    public record Screening(String decision, String screenedBy, String rationale, String escalatedTo, String reason,
                            Instant decidedAt) {
    }
}
