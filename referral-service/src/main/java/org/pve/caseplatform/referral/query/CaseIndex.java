package org.pve.caseplatform.referral.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.springframework.stereotype.Component;

/**
 * Which cases exist and where they stand (collection {@code case_index}, one document per case keyed by its id): the
 * district, OPEN / CLOSED / ESCALATED (sealed), and the referrals on the case with their referrers' agencies. Every
 * write is a set-style update, so an event handled twice changes nothing.
 */
@Component
public class CaseIndex {

    static final String COLLECTION = "case_index";
    static final String LEAD_AGENCY = "leadAgency";
    static final String OWNER_AGENCY = "ownerAgency";

    /** Where a case stands for matching: open, closed, or sealed by escalation to the security side. */
    public enum Status { OPEN, CLOSED, ESCALATED }

    /**
     * A case as the index knows it; {@code referrals} maps each referral on it to its referrer's agency, and the lead
     * and owner agencies are those of the agreed formulation and the assigned case owner, once known.
     */
    public record IndexedCase(UUID caseId, String districtId, Status status, Map<UUID, Agency> referrals,
                              Agency leadAgency, Agency ownerAgency) {

        /** The agencies the case belongs to besides its referrers: its lead and its owner. */
        public Set<Agency> caseAgencies() {
            Set<Agency> agencies = EnumSet.noneOf(Agency.class);
            if (leadAgency != null) {
                agencies.add(leadAgency);
            }
            if (ownerAgency != null) {
                agencies.add(ownerAgency);
            }
            return agencies;
        }

        public boolean sealed() {
            return status == Status.ESCALATED;
        }

        /** Every referral left it for another case: nothing is known on it any more. */
        public boolean vacated() {
            return referrals.isEmpty();
        }
    }

    private final MongoCollection<Document> cases;

    public CaseIndex(ServiceDatabase database) {
        this.cases = database.database().getCollection(COLLECTION);
    }

    void joined(UUID caseId, String districtId, UUID referralId, Agency agency, Instant at) {
        cases.updateOne(Filters.eq("_id", caseId.toString()), Updates.combine(
                Updates.setOnInsert("districtId", districtId),
                Updates.setOnInsert("status", Status.OPEN.name()),
                Updates.set("referrals." + referralId, agency == null ? null : agency.name()),
                Updates.max("lastEventAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    void left(UUID caseId, UUID referralId, Instant at) {
        cases.updateOne(Filters.eq("_id", caseId.toString()), Updates.combine(
                Updates.unset("referrals." + referralId), Updates.max("lastEventAt", Date.from(at))));
    }

    /** Moves the case to {@code to} if it stands at one of {@code from}; a case not indexed yet starts there. */
    void moved(UUID caseId, String districtId, Status to, List<Status> from, Instant at) {
        cases.updateOne(Filters.eq("_id", caseId.toString()), Updates.combine(
                Updates.setOnInsert("districtId", districtId), Updates.setOnInsert("status", to.name()),
                Updates.max("lastEventAt", Date.from(at))), new UpdateOptions().upsert(true));
        cases.updateOne(Filters.and(Filters.eq("_id", caseId.toString()),
                Filters.in("status", from.stream().map(Status::name).toList())), Updates.set("status", to.name()));
    }

    /** Records the case's lead agency (FormulationAgreed) or owner agency (CaseOwnerAssigned). */
    void belongsTo(UUID caseId, String districtId, String role, Agency agency, Instant at) {
        cases.updateOne(Filters.eq("_id", caseId.toString()), Updates.combine(
                Updates.setOnInsert("districtId", districtId), Updates.setOnInsert("status", Status.OPEN.name()),
                Updates.set(role, agency == null ? null : agency.name()),
                Updates.max("lastEventAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    public Optional<IndexedCase> find(UUID caseId) {
        return Optional.ofNullable(cases.find(Filters.eq("_id", caseId.toString())).first()).map(CaseIndex::read);
    }

    public Map<UUID, IndexedCase> findAll(Collection<UUID> caseIds) {
        Map<UUID, IndexedCase> found = new LinkedHashMap<>();
        cases.find(Filters.in("_id", caseIds.stream().map(UUID::toString).distinct().toList()))
                .forEach(document -> {
                    IndexedCase indexed = read(document);
                    found.put(indexed.caseId(), indexed);
                });
        return found;
    }

    private static IndexedCase read(Document document) {
        Map<UUID, Agency> referrals = new LinkedHashMap<>();
        Document stored = document.get("referrals", Document.class);
        if (stored != null) {
            stored.forEach((referralId, agency) -> referrals.put(UUID.fromString(referralId),
                    agency == null ? null : Agency.valueOf((String) agency)));
        }
        return new IndexedCase(UUID.fromString(document.getString("_id")), document.getString("districtId"),
                Status.valueOf(document.getString("status")), referrals, agency(document, LEAD_AGENCY),
                agency(document, OWNER_AGENCY));
    }

    private static Agency agency(Document document, String field) {
        String name = document.getString(field);
        return name == null ? null : Agency.valueOf(name);
    }
}
