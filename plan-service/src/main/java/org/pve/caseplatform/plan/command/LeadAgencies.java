package org.pve.caseplatform.plan.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.springframework.stereotype.Component;

/**
 * The agency that leads each case, as the agreed formulation named it: the plan belongs to that agency (and to the
 * case owner's), so its case owners may see the plan and assign its owner. PlanOpened does not carry the lead
 * agency, so it is kept here, written before the plan is opened; the first agreed formulation's lead agency stays,
 * as the plan opened from it does.
 */
@Component
public class LeadAgencies {

    static final String COLLECTION = "lead_agency";

    private final MongoCollection<Document> entries;

    public LeadAgencies(ServiceDatabase database) {
        this.entries = database.database().getCollection(COLLECTION);
    }

    /** Records the case's lead agency unless one is recorded already (a redelivered formulation changes nothing). */
    public void record(UUID caseId, Agency leadAgency) {
        entries.updateOne(Filters.eq("_id", caseId.toString()), Updates.setOnInsert("agency", leadAgency.name()),
                new UpdateOptions().upsert(true));
    }

    /** The case's lead agency; empty for a plan opened before lead agencies were recorded. */
    public Optional<Agency> of(UUID caseId) {
        Document entry = entries.find(Filters.eq("_id", caseId.toString())).first();
        return Optional.ofNullable(entry).map(found -> Agency.valueOf(found.getString("agency")));
    }
}
