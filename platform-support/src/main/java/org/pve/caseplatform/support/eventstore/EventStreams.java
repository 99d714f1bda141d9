package org.pve.caseplatform.support.eventstore;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.support.domain.UnknownRecord;

/**
 * Reads one aggregate's own events, in order, for views that must show exactly what was last decided (a record's
 * detail right after a command) without waiting for any projection.
 */
public class EventStreams {

    private final EventStore eventStore;

    public EventStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The aggregate's events; {@link UnknownRecord} when it has none. */
    public Stream of(String aggregateId) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        List<CaseEvent> events = new ArrayList<>();
        long version = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            version = message.getSequenceNumber();
            if (message.getPayload() instanceof CaseEvent event) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            throw new UnknownRecord(aggregateId);
        }
        return new Stream(List.copyOf(events), version);
    }

    /** An aggregate's events and its version (the sequence number of the last one). */
    public record Stream(List<CaseEvent> events, long version) {
    }
}
