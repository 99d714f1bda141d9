package org.pve.caseplatform.support.security;

/** A command or query the caller's role may never send (HTTP 403); records outside scope are 404 instead. */
public class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}
