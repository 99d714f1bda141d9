package org.pve.caseplatform.support.domain;

/** A command that the case's current stage does not allow (HTTP 409); it changes nothing. */
public class LifecycleViolation extends RuntimeException {

    private final String field;

    public LifecycleViolation(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
