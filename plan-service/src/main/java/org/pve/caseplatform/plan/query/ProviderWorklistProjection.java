package org.pve.caseplatform.plan.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} collection: per provider (keyed by providerId) the commissions made to it, as a map from
 * commissionId to caseId, fed by the plan's own published ServiceCommissioned events. The commission index answers
 * "which case" for one commission id; this answers "which commissions" for a provider, by {@code _id}. A
 * redelivered event sets the same entry again.
 */
@Component
public class ProviderWorklistProjection {

    static final String COLLECTION = "provider_worklists";
    private static final String COMMISSIONS = "commissions";

    private final MongoCollection<Document> worklists;

    public ProviderWorklistProjection(ServiceDatabase database) {
        this.worklists = database.database().getCollection(COLLECTION);
    }

    public void on(DeliveredEvent delivered) {
        delivered.event().ifPresent(event -> {
            if (event instanceof ServiceCommissioned commissioned) {
                on(commissioned);
            }
        });
    }

    void on(ServiceCommissioned commissioned) {
        worklists.updateOne(Filters.eq("_id", commissioned.providerId()),
                Updates.set(COMMISSIONS + "." + commissioned.commissionId(), commissioned.caseId().toString()),
                new UpdateOptions().upsert(true));
    }

    /** The provider's commissions in the order they were made; empty when none was. */
    public List<Entry> commissionsOf(String providerId) {
        Document worklist = worklists.find(Filters.eq("_id", providerId)).first();
        List<Entry> entries = new ArrayList<>();
        if (worklist != null) {
            for (Map.Entry<String, Object> entry : worklist.get(COMMISSIONS, new Document()).entrySet()) {
                entries.add(new Entry(UUID.fromString(entry.getKey()), UUID.fromString(entry.getValue().toString())));
            }
        }
        return entries;
    }

    /** One commission made to the provider, and its case. */
    public record Entry(UUID commissionId, UUID caseId) {
    }
}
