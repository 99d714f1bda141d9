package org.pve.caseplatform.plan.command;

import org.pve.caseplatform.contract.ServiceType;

/** Whether a provider is registered for a service type in a district: the plan commissions only such providers. */
@FunctionalInterface
public interface ProviderOffers {

    boolean offers(String providerId, ServiceType serviceType, String districtId);
}
