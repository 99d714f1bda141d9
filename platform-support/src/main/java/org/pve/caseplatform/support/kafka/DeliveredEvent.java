package org.pve.caseplatform.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;
import org.pve.caseplatform.contract.upcasting.Upcasters;

/**
 * A domain event record as a consumer received it: where it sits in Kafka, its catalogue headers and its JSON.
 * {@link #event()} reads the JSON into the catalogue's record when the type is one this build knows.
 */
public record DeliveredEvent(String topic, int partition, long offset, long timestamp, String key,
                             String eventType, int eventRevision, String messageId, String caseId, String districtId,
                             String correlationId, String json) {

    private static final ObjectMapper JSON = EventJson.newMapper();

    public static DeliveredEvent from(ConsumerRecord<String, String> record) {
        String revision = header(record, EventHeaders.EVENT_REVISION);
        return new DeliveredEvent(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), header(record, EventHeaders.EVENT_TYPE),
                revision == null ? 1 : Integer.parseInt(revision), header(record, EventHeaders.MESSAGE_ID),
                header(record, EventHeaders.CASE_ID), header(record, EventHeaders.DISTRICT_ID),
                header(record, EventHeaders.CORRELATION_ID), record.value());
    }

    public Optional<CaseEvent> event() {
        Optional<EventType> type = eventType == null ? Optional.empty() : EventCatalogue.byName(eventType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            // an older revision reads through the contract's upcasters; a newer one is UnknownEventRevision
            JsonNode current = Upcasters.toCurrent(eventType, eventRevision, JSON.readTree(json));
            return Optional.of(JSON.treeToValue(current, type.get().recordClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + eventType + " at " + position(), e);
        }
    }

    public String position() {
        return topic + "/" + partition + "@" + offset;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
