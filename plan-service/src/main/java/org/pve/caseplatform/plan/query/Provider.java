package org.pve.caseplatform.plan.query;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.pve.caseplatform.contract.ServiceType;

/** A registered provider: the services it is approved to deliver and the districts it works in, both sorted. */
public record Provider(String providerId, String name, Set<ServiceType> serviceTypes, Set<String> districts) {

    public Provider {
        serviceTypes = Collections.unmodifiableSet(new TreeSet<>(serviceTypes));
        districts = Collections.unmodifiableSet(new TreeSet<>(districts));
    }

    public boolean offers(ServiceType type, String districtId) {
        return serviceTypes.contains(type) && districts.contains(districtId);
    }
}
