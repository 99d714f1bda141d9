package org.pve.caseplatform.plan.api;

import java.util.UUID;

/** What commissioning answers: the case and the new commission's id, by which the provider addresses it. */
public record CommissionCreated(UUID caseId, UUID commissionId) {
}
