package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.SharingPurpose;

/** An agency on the panel shared what it knows of the person, on a legal basis its practice model allows. */
public record AgencyInformationShared(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        Agency agency,
        String sharedBy,
        String legalBasis,
        SharingPurpose purpose,
        EncryptedValue summary) implements CaseEvent {
}
