package org.pve.caseplatform.reconciliation;

/**
 * One difference for one case: which service's data it concerns, the event (messageId and type) when one is
 * involved, and a detail naming ids and types only, never personal content.
 */
public record Difference(String caseId, String districtId, Kind kind, String service, String messageId,
                         String eventType, String detail) {
}
