package org.pve.caseplatform.support.reference;

import java.util.List;
import org.pve.caseplatform.contract.Agency;

/** The settings of one practice model (reference/practice-models.csv). */
public record PracticeModel(String id, List<Agency> requiredAgencies, Agency defaultLeadAgency,
                            boolean namesShownByDefault, boolean confidentialityAgreementRequired,
                            boolean networkAggregatesOnly, int guardianConsentBelowAge, List<String> legalBases,
                            int retentionClosedDays, int retentionNoFurtherActionDays, int retentionEscalatedDays) {
}
