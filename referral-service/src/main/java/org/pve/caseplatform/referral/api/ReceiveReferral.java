package org.pve.caseplatform.referral.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;

/** Record a new referral, already pseudonymised and with its personal fields encrypted. */
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
        EncryptedValue concernSummary) {
}
