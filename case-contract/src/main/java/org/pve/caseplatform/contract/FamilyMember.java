package org.pve.caseplatform.contract;

import java.util.UUID;

/** One case in a family group, with the member's relation. */
public record FamilyMember(UUID caseId, FamilyRelation relation) {
}
