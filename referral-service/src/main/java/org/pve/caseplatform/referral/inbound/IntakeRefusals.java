package org.pve.caseplatform.referral.inbound;

import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * Tells a refusal by intake, which no retry can change, from a failure of MongoDB or Kafka, which a retry can. Only
 * the refusals named here are dead-lettered; anything else is taken as transient, so an outage never turns valid
 * referrals into dead letters (a message that keeps failing holds up its partition and shows as consumer lag).
 */
final class IntakeRefusals {

    private IntakeRefusals() {
    }

    static Optional<Reading.Refused> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<Reading.Refused> refusal = refusal(cause);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Reading.Refused> refusal(Throwable cause) {
        if (cause instanceof InvalidRequest invalid) {
            return refused("$." + invalid.field(), invalid.getMessage());
        }
        if (cause instanceof LifecycleViolation violation) {
            return refused("$." + violation.field(), violation.getMessage());
        }
        if (cause instanceof ConstraintViolationException violations) {
            return Optional.of(new Reading.Refused(violations.getConstraintViolations().stream()
                    .map(v -> new Problem("$." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem::field)).toList()));
        }
        if (cause instanceof IllegalArgumentException) {
            // its message may quote the input: name the kind of refusal only
            return refused("$", "refused by intake (" + cause.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }

    private static Optional<Reading.Refused> refused(String field, String reason) {
        return Optional.of(new Reading.Refused(List.of(new Problem(field, reason))));
    }
}
