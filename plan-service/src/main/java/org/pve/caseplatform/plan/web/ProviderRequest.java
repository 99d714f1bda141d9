package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.Size;

/**
 * A provider accepting a commission or starting its delivery. The provider acting is the caller's; the body may be
 * left out, and providerId, if given, must be the caller's provider.
 */
record ProviderRequest(@Size(max = 200) String providerId) {

    static final ProviderRequest NONE = new ProviderRequest(null);
}
