package org.pve.caseplatform.plan.command;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.contract.ServiceType;

/** The consents on record for a plan: those still active, with their scope, and those withdrawn. */
final class Consents {

    private final Map<UUID, Set<ServiceType>> active = new LinkedHashMap<>();
    private final Set<UUID> withdrawn = new HashSet<>();

    boolean known(UUID consentId) {
        return active.containsKey(consentId) || withdrawn.contains(consentId);
    }

    boolean isWithdrawn(UUID consentId) {
        return withdrawn.contains(consentId);
    }

    void record(UUID consentId, List<ServiceType> scope) {
        active.put(consentId, scope == null || scope.isEmpty() ? EnumSet.noneOf(ServiceType.class)
                : EnumSet.copyOf(scope));
    }

    void withdraw(UUID consentId) {
        active.remove(consentId);
        withdrawn.add(consentId);
    }

    /** Whether an active consent covers the service type. */
    boolean cover(ServiceType serviceType) {
        return active.values().stream().anyMatch(scope -> scope.contains(serviceType));
    }
}
