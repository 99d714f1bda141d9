package org.pve.caseplatform.support.domain;

/**
 * Two changes to the same record at once, and the other one was stored first (HTTP 409): nothing of this one was
 * stored. Names the version the record is at now, so the client can read it again and decide.
 */
public class ConcurrentChange extends RuntimeException {

    private final long currentVersion;

    public ConcurrentChange(long currentVersion, Throwable cause) {
        super("another change to this record was stored first; it is now at version " + currentVersion, cause);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
