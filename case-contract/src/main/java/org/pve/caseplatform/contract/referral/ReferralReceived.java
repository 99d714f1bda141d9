package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * A referral about a person reached the platform and was given a case. The subject's identity and the concern
 * summary are personal data and travel encrypted; {@code subjectRef} is absent when the subject is unknown.
 */
public record ReferralReceived(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        String municipalityId,
        Channel channel,
        Agency referrerAgency,
        String externalReference,
        String subjectRef,
        EncryptedValue subjectIdentity,
        AgeBand ageBand,
        List<ConcernCategory> concernCategories,
        EncryptedValue concernSummary) implements CaseEvent {
}
