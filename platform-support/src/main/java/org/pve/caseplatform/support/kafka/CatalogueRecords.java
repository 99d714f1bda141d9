package org.pve.caseplatform.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;

/**
 * The one place that knows how a catalogued event becomes a Kafka record of the integration contract: its topic,
 * the caseId key, the JSON value, the catalogue headers, and the time it occurred as the record's timestamp.
 */
public final class CatalogueRecords {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private CatalogueRecords() {
    }

    public static ProducerRecord<String, String> of(CaseEvent event, String messageId, String correlationId) {
        return of(event, messageId, correlationId, null);
    }

    /** The record, sent to {@code partition} when one is given (else the caseId key chooses). */
    public static ProducerRecord<String, String> of(CaseEvent event, String messageId, String correlationId,
                                                    Integer partition) {
        EventType type = EventCatalogue.of(event.getClass());
        Headers headers = new RecordHeaders();
        add(headers, EventHeaders.EVENT_TYPE, type.name());
        add(headers, EventHeaders.EVENT_REVISION, Integer.toString(type.revision()));
        add(headers, EventHeaders.MESSAGE_ID, messageId);
        add(headers, EventHeaders.CASE_ID, event.caseId().toString());
        add(headers, EventHeaders.DISTRICT_ID, event.districtId());
        add(headers, EventHeaders.CORRELATION_ID, correlationId);
        return new ProducerRecord<>(type.topic(), partition, event.occurredAt().toEpochMilli(),
                event.caseId().toString(), toJson(event), headers);
    }

    private static String toJson(CaseEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
