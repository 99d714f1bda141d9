package org.pve.caseplatform.support.eventstore;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.support.kafka.CatalogueRecords;

/** Turns a stored event into the record of the integration contract: JSON value, caseId key, catalogue headers. */
public class StoredEventConverter {

    public static final String CORRELATION_ID = "correlationId";

    private final Serializer serializer;

    public StoredEventConverter(Serializer serializer) {
        this.serializer = serializer;
    }

    public ProducerRecord<String, String> toRecord(Document stored) {
        DomainEventData<?> entry = new EventEntry(stored, EventEntryConfiguration.getDefault());
        Object payload = serializer.deserialize(entry.getPayload());
        if (!(payload instanceof CaseEvent event)) {
            throw new IllegalStateException("stored event is not a case event: " + entry.getPayload().getType());
        }
        MetaData metaData = serializer.deserialize(entry.getMetaData());
        Object correlation = metaData.get(CORRELATION_ID);
        return CatalogueRecords.of(event, entry.getEventIdentifier(),
                correlation != null ? correlation.toString() : entry.getEventIdentifier());
    }
}
