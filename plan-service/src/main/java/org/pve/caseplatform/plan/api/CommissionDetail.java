package org.pve.caseplatform.plan.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/**
 * One commission as the case owner (and the data protection officer) sees it: what its provider sees, and besides
 * the case it serves, who commissioned it and when. In JSON the provider's fields sit beside these, not nested.
 */
public record CommissionDetail(UUID caseId, String commissionedBy, Instant commissionedAt,
                               @JsonUnwrapped CommissionView commission) {
}
