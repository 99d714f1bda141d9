package org.pve.caseplatform.referral.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.referral.api.MatchReason;
import org.pve.caseplatform.referral.api.ReferralStage;
import org.pve.caseplatform.referral.matching.NameKeys;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.springframework.stereotype.Component;

/**
 * The referrals as matching and the screening queue need them (collection {@code referral_index}, one document per
 * referral keyed by its id). Writes are set-style and upserts, so redelivered or out-of-order events (a referral's
 * later events travel keyed by the case it joined, on another partition) end in the same document.
 */
@Component
public class ReferralIndex {

    static final String COLLECTION = "referral_index";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Bson FORGET = Updates.combine(Updates.unset("keys"), Updates.unset("claim"),
            Updates.set("identityErased", true));

    private final MongoCollection<Document> referrals;
    private final NameKeyPairs pairs;

    public ReferralIndex(ServiceDatabase database) {
        this.referrals = database.database().getCollection(COLLECTION);
        this.pairs = new NameKeyPairs(database.database().getCollection(NameKeyPairs.COLLECTION));
        referrals.createIndex(Indexes.ascending("districtId", "stage", "receivedAtMillis"));
        referrals.createIndex(Indexes.ascending("caseId"));
        referrals.createIndex(Indexes.ascending("subjectRef"));
        referrals.createIndex(Indexes.ascending("keys.givenSkeletons"));
        referrals.createIndex(Indexes.ascending("keys.familySkeletons"));
        if (!pairs.built()) {
            buildPairs();
        }
    }

    /** Blocks for the referrals stored before the blocks existed (once; idempotent if cut short). */
    private void buildPairs() {
        referrals.find(Filters.exists("keys")).forEach(document -> {
            IndexedReferral referral = read(document);
            if (referral.keys() != null) {
                pairs.add(referral.referralId(), referral.keys());
            }
        });
        pairs.markBuilt();
    }

    /**
     * Records a received referral; the case it is on and its stage are set only if no later event set them: on insert,
     * or (when a later event came first and made the document) by a conditional update.
     */
    IndexedReferral received(ReferralReceived event, NameKeys keys, String claim) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("districtId", event.districtId()),
                Updates.set("subjectRef", event.subjectRef()),
                Updates.set("channel", event.channel().name()),
                Updates.set("referrerAgency", event.referrerAgency().name()),
                Updates.set("ageBand", event.ageBand().name()),
                Updates.set("concernCategories", event.concernCategories().stream().map(Enum::name).toList()),
                Updates.set("receivedAtMillis", event.occurredAt().toEpochMilli()),
                Updates.setOnInsert("caseId", event.caseId().toString()),
                Updates.setOnInsert("stage", ReferralStage.AWAITING_SCREENING.name())));
        if (keys != null) {
            updates.add(Updates.set("keys", keysDocument(keys)));
            pairs.add(event.referralId(), keys);
        }
        if (claim != null) {
            updates.add(Updates.set("claim", claim));
        }
        referrals.updateOne(byId(event.referralId()), Updates.combine(updates), UPSERT);
        IndexedReferral stored = find(event.referralId()).orElseThrow();
        if (stored.caseId() != null && stored.stage() != null) {
            return stored;
        }
        setIfAbsent(event.referralId(), "caseId", event.caseId().toString());
        setIfAbsent(event.referralId(), "stage", ReferralStage.AWAITING_SCREENING.name());
        return find(event.referralId()).orElseThrow();
    }

    void linked(UUID referralId, UUID caseId) {
        referrals.updateOne(byId(referralId), Updates.combine(Updates.set("caseId", caseId.toString()),
                Updates.set("linkedToCase", caseId.toString())), UPSERT);
    }

    void unlinked(UUID referralId, UUID restoredCaseId) {
        referrals.updateOne(byId(referralId), Updates.combine(Updates.set("caseId", restoredCaseId.toString()),
                Updates.unset("linkedToCase")), UPSERT);
    }

    void staged(UUID referralId, ReferralStage stage) {
        referrals.updateOne(byId(referralId), Updates.set("stage", stage.name()), UPSERT);
    }

    void propose(UUID referralId, UUID caseId, List<MatchReason> reasons) {
        referrals.updateOne(byId(referralId), Updates.set("proposals." + caseId,
                reasons.stream().map(Enum::name).toList()));
    }

    void reject(UUID referralId, UUID caseId) {
        referrals.updateOne(byId(referralId), Updates.combine(Updates.addToSet("rejected", caseId.toString()),
                Updates.unset("proposals." + caseId)), UPSERT);
    }

    /**
     * Removes what was derived from the identity of every referral about the person received up to {@code until}
     * (the erasure; a later referral about them is under a new key): blind keys and claim.
     */
    public void forgetIdentity(String subjectRef, Instant until) {
        Bson about = Filters.and(Filters.eq("subjectRef", subjectRef),
                Filters.lte("receivedAtMillis", until.toEpochMilli()));
        readAll(about).forEach(this::leavePairs);
        referrals.updateMany(about, FORGET);
    }

    /** Removes what was derived from the identity of one referral. */
    public void forgetIdentity(UUID referralId) {
        find(referralId).ifPresent(this::leavePairs);
        referrals.updateOne(byId(referralId), FORGET);
    }

    private void leavePairs(IndexedReferral referral) {
        if (referral.keys() != null) {
            pairs.remove(referral.referralId(), referral.keys());
        }
    }

    public Optional<IndexedReferral> find(UUID referralId) {
        return Optional.ofNullable(referrals.find(byId(referralId)).first()).map(ReferralIndex::read);
    }

    public List<IndexedReferral> onCase(UUID caseId) {
        return readAll(Filters.eq("caseId", caseId.toString()));
    }

    public List<IndexedReferral> withSubjectRef(String subjectRef) {
        return readAll(Filters.eq("subjectRef", subjectRef));
    }

    /** The district's referrals waiting for the screen, oldest first. */
    public List<IndexedReferral> awaitingScreening(String districtId) {
        List<IndexedReferral> waiting = new ArrayList<>();
        referrals.find(Filters.and(Filters.eq("districtId", districtId),
                        Filters.eq("stage", ReferralStage.AWAITING_SCREENING.name())))
                .sort(Sorts.ascending("receivedAtMillis", "_id"))
                .forEach(document -> waiting.add(read(document)));
        return waiting;
    }

    /**
     * Other referrals sharing a given-name key and a family-name key with {@code keys}, straight or crosswise: those
     * the name-key blocks list, read by {@code _id} and kept if their keys still share the pair.
     */
    List<IndexedReferral> sharingNameKeys(NameKeys keys, UUID except) {
        List<String> ids = pairs.sharing(keys).stream().filter(id -> !id.equals(except)).map(UUID::toString)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return readAll(Filters.in("_id", ids)).stream().filter(other -> other.keys() != null
                && (shares(keys.givenSkeletons(), other.keys().givenSkeletons())
                        && shares(keys.familySkeletons(), other.keys().familySkeletons())
                || shares(keys.familySkeletons(), other.keys().givenSkeletons())
                        && shares(keys.givenSkeletons(), other.keys().familySkeletons()))).toList();
    }

    private static boolean shares(List<String> a, List<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private List<IndexedReferral> readAll(Bson filter) {
        List<IndexedReferral> found = new ArrayList<>();
        referrals.find(filter).forEach(document -> found.add(read(document)));
        return found;
    }

    private void setIfAbsent(UUID referralId, String field, String value) {
        referrals.updateOne(Filters.and(byId(referralId), Filters.exists(field, false)), Updates.set(field, value));
    }

    private static Bson byId(UUID referralId) {
        return Filters.eq("_id", referralId.toString());
    }

    private static Document keysDocument(NameKeys keys) {
        return new Document("givenSkeletons", keys.givenSkeletons())
                .append("familySkeletons", keys.familySkeletons())
                .append("givenWritten", keys.givenWritten())
                .append("familyWritten", keys.familyWritten())
                .append("familyParts", keys.familyParts())
                .append("dateOfBirth", keys.dateOfBirth());
    }

    private static IndexedReferral read(Document document) {
        Document keys = document.get("keys", Document.class);
        Map<UUID, List<MatchReason>> proposals = new LinkedHashMap<>();
        Document proposed = document.get("proposals", Document.class);
        if (proposed != null) {
            proposed.forEach((caseId, reasons) -> proposals.put(UUID.fromString(caseId),
                    ((List<?>) reasons).stream().map(reason -> MatchReason.valueOf((String) reason)).toList()));
        }
        Set<UUID> rejected = new LinkedHashSet<>();
        document.getList("rejected", String.class, List.of()).forEach(id -> rejected.add(UUID.fromString(id)));
        Long receivedAt = document.getLong("receivedAtMillis");
        return new IndexedReferral(UUID.fromString(document.getString("_id")), uuid(document, "caseId"),
                document.getString("districtId"), document.getString("subjectRef"),
                named(Channel.class, document.getString("channel")),
                named(Agency.class, document.getString("referrerAgency")),
                named(AgeBand.class, document.getString("ageBand")),
                document.getList("concernCategories", String.class, List.of()).stream()
                        .map(ConcernCategory::valueOf).toList(),
                receivedAt == null ? null : Instant.ofEpochMilli(receivedAt),
                named(ReferralStage.class, document.getString("stage")), uuid(document, "linkedToCase"),
                document.getString("claim"), keys == null ? null : new NameKeys(
                        keys.getList("givenSkeletons", String.class), keys.getList("familySkeletons", String.class),
                        keys.getString("givenWritten"), keys.getString("familyWritten"),
                        keys.getInteger("familyParts"), keys.getString("dateOfBirth")),
                proposals, rejected);
    }

    private static UUID uuid(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : UUID.fromString(value);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
