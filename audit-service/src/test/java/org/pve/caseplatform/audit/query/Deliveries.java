package org.pve.caseplatform.audit.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** Catalogue events as the ledger's consumer receives them, and a fresh database for each test. */
final class Deliveries {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static MongoClient client;

    private Deliveries() {
    }

    static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        }
        return client.getDatabase("audit-test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The event on its catalogue topic with every header, as the outbox relay publishes it. */
    static DeliveredEvent delivered(CaseEvent event, String messageId, int partition, long offset) {
        EventType type = EventCatalogue.of(event.getClass());
        return new DeliveredEvent(type.topic(), partition, offset, event.occurredAt().toEpochMilli() + 40,
                event.caseId().toString(), type.name(), type.revision(), messageId, event.caseId().toString(),
                event.districtId(), "corr-" + messageId, json(event));
    }

    static DeliveredEvent raw(String topic, long offset, long timestamp, String messageId, String json) {
        return new DeliveredEvent(topic, 0, offset, timestamp, null, "Unlisted", 1, messageId, null, null, null,
                json);
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
