package org.pve.caseplatform.plan.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.springframework.stereotype.Component;

/**
 * Which case a commission belongs to, so a provider can address its commission by the commission's id alone. An
 * entry is written before the commission is: one left behind by a failed command points to a case without that
 * commission, which the plan then refuses as unknown.
 */
@Component
public class CommissionIndex {

    static final String COLLECTION = "commission_index";

    private final MongoCollection<Document> entries;

    public CommissionIndex(ServiceDatabase database) {
        this.entries = database.database().getCollection(COLLECTION);
    }

    public void record(UUID commissionId, UUID caseId) {
        entries.insertOne(new Document("_id", commissionId.toString()).append("caseId", caseId.toString()));
    }

    /** The case of the commission; {@link UnknownRecord} when no commission has that id. */
    public UUID caseOf(UUID commissionId) {
        Document entry = entries.find(Filters.eq("_id", commissionId.toString())).first();
        if (entry == null) {
            throw new UnknownRecord("commission " + commissionId);
        }
        return UUID.fromString(entry.getString("caseId"));
    }
}
