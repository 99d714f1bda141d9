package org.pve.caseplatform.referral.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * Record a new referral, already pseudonymised and with its personal fields encrypted. {@code joinsOpenCase}: the
 * {@code caseId} is the open case of the same person in the district (an exact match), which the referral joins.
 */
public record ReceiveReferral(
        @TargetAggregateIdentifier UUID referralId,
        UUID caseId,
        String districtId,
        String municipalityId,
        Channel channel,
        Agency referrerAgency,
        String externalReference,
        String subjectRef,
        EncryptedValue subjectIdentity,
        AgeBand ageBand,
        List<ConcernCategory> concernCategories,
        EncryptedValue concernSummary,
        boolean joinsOpenCase) {

    /** A referral that opens a case of its own. */
    public ReceiveReferral(UUID referralId, UUID caseId, String districtId, String municipalityId, Channel channel,
                           Agency referrerAgency, String externalReference, String subjectRef,
                           EncryptedValue subjectIdentity, AgeBand ageBand, List<ConcernCategory> concernCategories,
                           EncryptedValue concernSummary) {
        this(referralId, caseId, districtId, municipalityId, channel, referrerAgency, externalReference, subjectRef,
                subjectIdentity, ageBand, concernCategories, concernSummary, false);
    }
}
