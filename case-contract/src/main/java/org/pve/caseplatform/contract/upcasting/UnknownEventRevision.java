package org.pve.caseplatform.contract.upcasting;

/**
 * An event of a revision newer than this build knows: a deployment error (the producer was upgraded before its
 * consumer), never bad data. A consumer must stop on it, loudly, rather than skip or park the event: a newer build
 * reads it.
 */
public class UnknownEventRevision extends RuntimeException {

    private final String eventType;
    private final int revision;
    private final int knownRevision;

    public UnknownEventRevision(String eventType, int revision, int knownRevision) {
        super(eventType + " revision " + revision + " is newer than this build knows (revision " + knownRevision
                + "): deploy the consumer's new version; nothing was skipped");
        this.eventType = eventType;
        this.revision = revision;
        this.knownRevision = knownRevision;
    }

    public String eventType() {
        return eventType;
    }

    public int revision() {
        return revision;
    }

    public int knownRevision() {
        return knownRevision;
    }
}
