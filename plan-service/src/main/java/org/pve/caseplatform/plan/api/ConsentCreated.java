package org.pve.caseplatform.plan.api;

import java.util.UUID;

/** What recording consent answers: the case and the new consent's id, by which it is later withdrawn. */
public record ConsentCreated(UUID caseId, UUID consentId) {
}
