package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;

/**
 * A member of a panel agency describes a risk scenario, its text already encrypted, with its likelihood on the
 * ratings' scale, 0 to 3; only in an assessment whose framework version has the SCENARIOS section.
 */
public record DescribeRiskScenario(
        @TargetAggregateIdentifier UUID caseId,
        EncryptedValue scenario,
        int likelihood,
        String describedBy,
        Agency agency) {

    public static final int LOWEST_LIKELIHOOD = RateFactor.LOWEST_RATING;
    public static final int HIGHEST_LIKELIHOOD = RateFactor.HIGHEST_RATING;
}
