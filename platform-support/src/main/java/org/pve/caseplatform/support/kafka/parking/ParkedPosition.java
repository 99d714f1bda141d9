package org.pve.caseplatform.support.kafka.parking;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.pve.caseplatform.contract.EventHeaders;

/**
 * Where a parked record sits in Kafka, with its catalogue headers: the record itself stays on its topic (one copy of
 * personal data, which erasure reaches), and a retry reads it again from here.
 */
public record ParkedPosition(String topic, int partition, long offset, String messageId, String eventType,
                             int eventRevision) {

    public static ParkedPosition of(ConsumerRecord<String, ?> record) {
        String revision = header(record, EventHeaders.EVENT_REVISION);
        return new ParkedPosition(record.topic(), record.partition(), record.offset(),
                header(record, EventHeaders.MESSAGE_ID), header(record, EventHeaders.EVENT_TYPE),
                revision == null ? 1 : Integer.parseInt(revision));
    }

    public String describe() {
        return topic + "/" + partition + "@" + offset;
    }

    Document toDocument() {
        return new Document("topic", topic).append("partition", partition).append("offset", offset)
                .append("messageId", messageId).append("eventType", eventType).append("eventRevision", eventRevision);
    }

    static ParkedPosition from(Document document) {
        return new ParkedPosition(document.getString("topic"), document.getInteger("partition"),
                ((Number) document.get("offset")).longValue(), document.getString("messageId"),
                document.getString("eventType"), document.getInteger("eventRevision", 1));
    }

    /** A header of the record as text; null when it has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
