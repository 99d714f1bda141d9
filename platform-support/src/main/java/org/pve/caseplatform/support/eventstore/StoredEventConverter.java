package org.pve.caseplatform.support.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;

/** Turns a stored event into the record of the integration contract: JSON value, caseId key, catalogue headers. */
public class StoredEventConverter {

    public static final String CORRELATION_ID = "correlationId";

    private final Serializer serializer;
    private final ObjectMapper json = EventJson.newMapper();

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
        EventType type = EventCatalogue.of(event.getClass());
        Headers headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, type.name());
        add(headers, EventHeaders.EVENT_REVISION, Integer.toString(type.revision()));
        add(headers, EventHeaders.MESSAGE_ID, entry.getEventIdentifier());
        add(headers, EventHeaders.CASE_ID, event.caseId().toString());
        add(headers, EventHeaders.DISTRICT_ID, event.districtId());
        Object correlation = metaData.get(CORRELATION_ID);
        add(headers, EventHeaders.CORRELATION_ID, correlation != null ? correlation.toString() : entry.getEventIdentifier());
        return new ProducerRecord<>(type.topic(), null, event.occurredAt().toEpochMilli(), event.caseId().toString(),
                toJson(event), headers);
    }

    private String toJson(CaseEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
