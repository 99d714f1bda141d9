package org.pve.caseplatform.reconciliation;

/**
 * Something not yet where it will be, but within the grace period: an event the outbox has not published yet, a
 * record a consumer has not handled yet. {@code wouldBe} is the difference it becomes once the grace period passed.
 */
public record Pending(String caseId, String districtId, Kind wouldBe, String service, String messageId,
                      String eventType, String detail) {
}
