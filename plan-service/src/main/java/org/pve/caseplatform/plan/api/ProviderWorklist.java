package org.pve.caseplatform.plan.api;

import java.util.List;

/** A provider's own commissions, each as the provider may see it: nothing else of the cases they serve. */
public record ProviderWorklist(String providerId, List<CommissionView> commissions) {
}
