package org.pve.caseplatform.support.eventstore;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's one-document-per-event layout, with every event stored as not yet published. The event store is its own
 * outbox: the relay publishes whatever still carries {@code published: false}, whenever and by whoever it was
 * written, so no timestamp window can make it pass an event over (see docs/adr/0002).
 */
public class OutboxStorageStrategy extends DocumentPerEventStorageStrategy {

    public static final String EVENTS_COLLECTION = "domainevents";
    public static final String PUBLISHED = "published";
    public static final String PUBLISHED_AT = "publishedAt";

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer).map(document -> document.append(PUBLISHED, false));
    }
}
