package org.pve.caseplatform.audit.cohort;

/** How many cases referred in {@code month} of a district stand at {@code stage}; null and suppressed under 5. */
public record StageCount(String districtId, String month, String stage, Integer cases, boolean suppressed) {
}
