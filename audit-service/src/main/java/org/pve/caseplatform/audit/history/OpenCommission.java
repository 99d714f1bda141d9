package org.pve.caseplatform.audit.history;

import java.time.Instant;

/** A service commissioned for the case that its provider has neither completed nor declined. */
public record OpenCommission(String commissionId, String providerId, String serviceType, Instant commissionedAt) {
}
