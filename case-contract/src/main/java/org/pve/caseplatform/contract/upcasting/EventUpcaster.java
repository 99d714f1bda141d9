package org.pve.caseplatform.contract.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of an event's evolution: turns the JSON of revision {@link #fromRevision()} of the event into the JSON
 * of the next revision. A pure function over JSON, so the event stores, the consumers of the topics and the replays
 * all read history the same way. Named {@code <Event><from>_to_<to>Upcaster}, with a JSON fixture of the old
 * revision in the contract's tests.
 */
public interface EventUpcaster {

    /** The event's name in the catalogue. */
    String eventType();

    int fromRevision();

    /** The next revision's JSON; may change and return the node it is given. */
    ObjectNode upcast(ObjectNode event);
}
