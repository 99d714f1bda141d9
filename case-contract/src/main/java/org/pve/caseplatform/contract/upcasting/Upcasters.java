package org.pve.caseplatform.contract.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventType;

/**
 * Every upcaster of the contract, and the one way to read an event of any revision: step by step up to the
 * catalogue's current revision. A revision the catalogue does not know yet is an {@link UnknownEventRevision}.
 */
public final class Upcasters {

    private static final List<EventUpcaster> ALL = List.of(new AssessmentOpened1_to_2Upcaster());

    private Upcasters() {
    }

    public static List<EventUpcaster> all() {
        return ALL;
    }

    /** The step from the revision of the event, if one exists. */
    public static Optional<EventUpcaster> step(String eventType, int fromRevision) {
        return ALL.stream().filter(u -> u.eventType().equals(eventType) && u.fromRevision() == fromRevision)
                .findFirst();
    }

    /**
     * The event's JSON in the current revision. An event the catalogue does not know is returned as it is (it is
     * not this consumer's to read); one of a newer revision than the catalogue's throws.
     */
    public static JsonNode toCurrent(String eventType, int revision, JsonNode json) {
        Optional<EventType> type = EventCatalogue.byName(eventType);
        if (type.isEmpty() || revision == type.get().revision()) {
            return json;
        }
        if (revision > type.get().revision()) {
            throw new UnknownEventRevision(eventType, revision, type.get().revision());
        }
        JsonNode current = json;
        for (int r = revision; r < type.get().revision(); r++) {
            int from = r;
            EventUpcaster upcaster = step(eventType, from).orElseThrow(() -> new IllegalStateException(
                    "no upcaster for " + eventType + " from revision " + from));
            current = upcaster.upcast(((ObjectNode) current).deepCopy());
        }
        return current;
    }
}
