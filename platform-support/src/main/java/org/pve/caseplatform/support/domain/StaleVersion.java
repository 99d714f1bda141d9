package org.pve.caseplatform.support.domain;

/**
 * A change made on a stale copy: the client's If-Match named a version the record has moved past (HTTP 412). Checked
 * inside the aggregate, under its lock, so no change can slip in between the check and the write.
 */
public class StaleVersion extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersion(long expectedVersion, long currentVersion) {
        super("the record is at version " + currentVersion + ", not the version " + expectedVersion
                + " the change was based on");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
