package org.pve.caseplatform.support.domain;

/** A command or query about a record that does not exist, or is outside the caller's scope (HTTP 404). */
public class UnknownRecord extends RuntimeException {

    public UnknownRecord(String what) {
        super(what);
    }
}
