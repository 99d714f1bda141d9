package org.pve.caseplatform.assessment.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.SharingPurpose;

/**
 * A panel agency shares what it knows, its summary already encrypted. The legal basis must be one of those the
 * district's practice model allows (named with the model, as the reference data has them).
 */
public record ShareAgencyInformation(
        @TargetAggregateIdentifier UUID caseId,
        Agency agency,
        String sharedBy,
        String legalBasis,
        SharingPurpose purpose,
        EncryptedValue summary,
        String practiceModel,
        List<String> permittedLegalBases) {
}
