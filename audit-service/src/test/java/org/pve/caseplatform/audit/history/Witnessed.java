package org.pve.caseplatform.audit.history;

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

/** Catalogue events as a consumer of the topics receives them, and a fresh database per test. */
public final class Witnessed {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static MongoClient client;

    private Witnessed() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        }
        return client.getDatabase("audit-history-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static DeliveredEvent delivered(CaseEvent event, long offset) {
        EventType type = EventCatalogue.of(event.getClass());
        return new DeliveredEvent(type.topic(), 0, offset, event.occurredAt().toEpochMilli(),
                event.caseId().toString(), type.name(), type.revision(), "msg-" + UUID.randomUUID(),
                event.caseId().toString(), event.districtId(), "corr", json(event));
    }

    static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
