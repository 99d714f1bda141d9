package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;

/** A member of a panel agency rates one factor of the framework, 0 to 3, its evidence already encrypted. */
public record RateFactor(
        @TargetAggregateIdentifier UUID caseId,
        String factorId,
        String domain,
        int rating,
        EncryptedValue evidence,
        String ratedBy,
        Agency agency) {

    public static final int LOWEST_RATING = 0;
    public static final int HIGHEST_RATING = 3;
}
