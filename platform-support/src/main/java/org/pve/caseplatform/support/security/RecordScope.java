package org.pve.caseplatform.support.security;

import java.util.Set;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.SecurityDestination;

/**
 * What the policy needs to know about a record to decide whether a caller may see it: its district, the agencies
 * it belongs to (the referrer's; the case's panel, lead and owner agencies), whether it is sealed on the security
 * side, and the provider a commission was made to.
 */
public record RecordScope(String districtId, Set<Agency> agencies, boolean sealed, String providerId) {

    public RecordScope {
        agencies = Set.copyOf(agencies);
    }

    public static RecordScope district(String districtId) {
        return new RecordScope(districtId, Set.of(), false, null);
    }

    public static RecordScope of(String districtId, Set<Agency> agencies) {
        return new RecordScope(districtId, agencies, false, null);
    }

    public RecordScope sealed(boolean sealed) {
        return new RecordScope(districtId, agencies, sealed, providerId);
    }

    /**
     * Sealed when the case was escalated to the security side at any stage (screening, assessment, plan), unless
     * to the Channel panel, which is a multi-agency safeguarding panel and keeps the case in view.
     */
    public RecordScope sealedIfEscalatedTo(SecurityDestination escalatedTo) {
        return sealed(sealed || escalatedTo != null && escalatedTo != SecurityDestination.CHANNEL_PANEL);
    }

    public RecordScope provider(String providerId) {
        return new RecordScope(districtId, agencies, sealed, providerId);
    }
}
