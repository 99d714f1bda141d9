package org.pve.caseplatform.support.domain;

import org.axonframework.modelling.command.AggregateNotFoundException;

/** Recognises a command that failed because its aggregate was never stored (a schedule entry for nothing). */
public final class MissingAggregate {

    private MissingAggregate() {
    }

    /** Whether the failure, or anything it wraps, says the aggregate does not exist. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
