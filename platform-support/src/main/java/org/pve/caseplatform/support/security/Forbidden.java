package org.pve.caseplatform.support.security;

/** A command or query the caller's role may never send (HTTP 403); records outside scope are 404 instead. */
public class Forbidden extends RuntimeException {

    private final String field;

    public Forbidden(String reason) {
        this("caller", reason);
    }

    /** Refused because of what a named part of the request says (the purpose header, say). */
    public Forbidden(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
