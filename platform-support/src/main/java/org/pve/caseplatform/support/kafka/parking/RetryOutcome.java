package org.pve.caseplatform.support.kafka.parking;

/**
 * What a retry of a parked sequence came to: every record handled and the case flowing again ({@code DRAINED}), or
 * parked still from the record that failed again, with the new reason and the records left.
 */
public record RetryOutcome(String consumer, String caseId, Result outcome, String reason, int recordsHandled,
                           int recordsParked) {

    public enum Result { DRAINED, STILL_PARKED }

    public static RetryOutcome drained(String consumer, String caseId, int handled) {
        return new RetryOutcome(consumer, caseId, Result.DRAINED, null, handled, 0);
    }

    public static RetryOutcome stillParked(String consumer, String caseId, String reason, int handled, int parked) {
        return new RetryOutcome(consumer, caseId, Result.STILL_PARKED, reason, handled, parked);
    }
}
