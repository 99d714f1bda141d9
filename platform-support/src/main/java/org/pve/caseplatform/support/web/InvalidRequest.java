package org.pve.caseplatform.support.web;

/** Input that passed the form checks but breaks a rule the controller knows (HTTP 400 naming the field). */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
