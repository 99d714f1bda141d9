package org.pve.caseplatform.plan.query.family;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.FamilyRelation;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} collection: one document per family group keyed by its familyId, members kept as a map
 * from caseId to relation. Every write sets fields to what an event says, so a redelivered event changes nothing
 * and the two event types may arrive in any order (they are keyed by different cases, so on different partitions).
 */
@Component
public class FamilyGroupProjection {

    static final String COLLECTION = "families";
    private static final String MEMBERS = "members";
    private static final String DISTRICT = "districtId";

    private final MongoCollection<Document> families;

    public FamilyGroupProjection(ServiceDatabase database) {
        this.families = database.database().getCollection(COLLECTION);
    }

    /** Folds in the family events of the referral topic; every other record is passed over. */
    public void on(DeliveredEvent delivered) {
        delivered.event().ifPresent(event -> {
            if (event instanceof FamilyGroupFormed formed) {
                on(formed);
            } else if (event instanceof CaseAddedToFamily added) {
                on(added);
            }
        });
    }

    void on(FamilyGroupFormed formed) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(DISTRICT, formed.districtId()));
        for (FamilyMember member : formed.members()) {
            updates.add(Updates.set(MEMBERS + "." + member.caseId(), member.relation().name()));
        }
        upsert(formed.familyId(), Updates.combine(updates));
    }

    void on(CaseAddedToFamily added) {
        upsert(added.familyId(), Updates.combine(Updates.setOnInsert(DISTRICT, added.districtId()),
                Updates.set(MEMBERS + "." + added.caseId(), added.relation().name())));
    }

    /** The family group; empty when no event told of it. */
    public Optional<FamilyGroup> find(UUID familyId) {
        Document family = families.find(Filters.eq("_id", familyId.toString())).first();
        if (family == null) {
            return Optional.empty();
        }
        Document members = family.get(MEMBERS, new Document());
        List<FamilyGroup.Member> list = new ArrayList<>();
        for (Map.Entry<String, Object> member : members.entrySet()) {
            list.add(new FamilyGroup.Member(UUID.fromString(member.getKey()),
                    member.getValue() == null ? null : FamilyRelation.valueOf(member.getValue().toString())));
        }
        return Optional.of(new FamilyGroup(familyId, family.getString(DISTRICT), list));
    }

    private void upsert(UUID familyId, Bson update) {
        families.updateOne(Filters.eq("_id", familyId.toString()), update, new UpdateOptions().upsert(true));
    }
}
