package org.pve.caseplatform.support.eventstore;

import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.support.kafka.CatalogueRecords;

/**
 * Turns a stored event into the record of the integration contract: JSON value (in the current revision), caseId key,
 * catalogue headers.
 */
public class StoredEventConverter {

    public static final String CORRELATION_ID = "correlationId";

    private final Serializer serializer;

    public StoredEventConverter(Serializer serializer) {
        this.serializer = serializer;
    }

    public ProducerRecord<String, String> toRecord(Document stored) {
        DomainEventData<?> entry = new EventEntry(stored, EventEntryConfiguration.getDefault());
        // an event stored in an older revision is published in the current one, as the store reads it
        Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                CatalogueUpcasters.chain()).next().getPayload();
        if (!(payload instanceof CaseEvent event)) {
            throw new IllegalStateException("stored event is not a case event: " + entry.getPayload().getType());
        }
        MetaData metaData = serializer.deserialize(entry.getMetaData());
        Object correlation = metaData.get(CORRELATION_ID);
        return CatalogueRecords.of(event, entry.getEventIdentifier(),
                correlation != null ? correlation.toString() : entry.getEventIdentifier());
    }
}
