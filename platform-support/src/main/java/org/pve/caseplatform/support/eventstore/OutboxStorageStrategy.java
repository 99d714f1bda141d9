package org.pve.caseplatform.support.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Axon's one-document-per-event layout, with every event stored as not yet published. The event store is its own
 * outbox: the relay publishes whatever still carries {@code published: false}, whenever and by whoever it was
 * written, so no timestamp window can make it pass an event over (see docs/adr/0002). Once the insert succeeded, the
 * new events' ids are noted in {@link PendingPublications} so that the relay can read them by {@code _id}.
 */
public class OutboxStorageStrategy extends DocumentPerEventStorageStrategy {

    public static final String EVENTS_COLLECTION = "domainevents";
    public static final String PUBLISHED = "published";
    public static final String PUBLISHED_AT = "publishedAt";

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer).map(document -> document.append(PUBLISHED, false));
    }

    /** The one insert of Axon's strategy (event and mark together), each document given its {@code _id} first. */
    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        List<Document> documents = createEventDocuments(events, serializer).toList();
        documents.forEach(document -> document.putIfAbsent("_id", new ObjectId()));
        eventCollection.insertMany(documents);
        PendingPublications.of(eventCollection.getNamespace())
                .stored(documents.stream().map(document -> document.getObjectId("_id")).toList(), System.nanoTime());
    }
}
