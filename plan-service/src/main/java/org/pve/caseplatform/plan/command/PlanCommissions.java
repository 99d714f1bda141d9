package org.pve.caseplatform.plan.command;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.plan.api.CommissionStatus;

/** What the plan needs to know of its commissions to enforce their rules, in the order they were made. */
final class PlanCommissions {

    /** Commissions a provider is still working on or may still take up. */
    private static final Set<CommissionStatus> OPEN = EnumSet.of(CommissionStatus.COMMISSIONED,
            CommissionStatus.ACCEPTED, CommissionStatus.IN_DELIVERY);

    private final Map<UUID, Commission> commissions = new LinkedHashMap<>();

    boolean contains(UUID commissionId) {
        return commissions.containsKey(commissionId);
    }

    Optional<Commission> find(UUID commissionId) {
        return Optional.ofNullable(commissions.get(commissionId));
    }

    void add(UUID commissionId, String providerId, ServiceType serviceType, LocalDate startBy) {
        commissions.put(commissionId, new Commission(providerId, serviceType, startBy, CommissionStatus.COMMISSIONED,
                false, false));
    }

    void move(UUID commissionId, CommissionStatus status) {
        commissions.computeIfPresent(commissionId, (id, commission) -> commission.withStatus(status));
    }

    void suspend(UUID commissionId) {
        commissions.computeIfPresent(commissionId, (id, commission) -> commission.suspended());
    }

    void stall(UUID commissionId) {
        commissions.computeIfPresent(commissionId, (id, commission) -> commission.stalled());
    }

    /** The open, not yet suspended commissions whose service type is no longer covered. */
    List<UUID> uncovered(Predicate<ServiceType> covered) {
        return commissions.entrySet().stream()
                .filter(entry -> OPEN.contains(entry.getValue().status()) && !entry.getValue().isSuspended())
                .filter(entry -> !covered.test(entry.getValue().serviceType()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** One commission's state. */
    record Commission(String providerId, ServiceType serviceType, LocalDate startBy, CommissionStatus status,
                      boolean isSuspended, boolean isStalled) {

        Commission withStatus(CommissionStatus next) {
            return new Commission(providerId, serviceType, startBy, next, isSuspended, isStalled);
        }

        Commission suspended() {
            return new Commission(providerId, serviceType, startBy, status, true, isStalled);
        }

        Commission stalled() {
            return new Commission(providerId, serviceType, startBy, status, isSuspended, true);
        }

        /** Not yet in delivery, nor declined, completed or suspended: it can still stall. */
        boolean awaitingStart() {
            return !isSuspended && (status == CommissionStatus.COMMISSIONED || status == CommissionStatus.ACCEPTED);
        }
    }
}
