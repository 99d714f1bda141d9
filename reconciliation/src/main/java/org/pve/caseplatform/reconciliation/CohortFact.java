package org.pve.caseplatform.reconciliation;

/** One fact of a case in audit-service's cohort read model ({@code cohort_cases}): an event it counted. */
record CohortFact(String caseId, String districtId, String messageId, String eventType) {
}
