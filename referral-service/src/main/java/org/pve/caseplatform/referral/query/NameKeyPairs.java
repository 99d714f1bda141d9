package org.pve.caseplatform.referral.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.referral.matching.NameKeys;

/**
 * The blocking documents of matching (collection {@code referral_name_keys}): one per pair of a given-name key and a
 * family-name key, {@code _id} = {@code given|family}, listing the referrals whose blind keys hold that pair. The
 * referrals sharing a given-name and a family-name key with a new one, straight or crosswise, are those listed under
 * its pairs read by {@code _id}, so matching costs the same however many referrals are stored (the MongoDB-wire server
 * would scan {@code referral_index} for the same question). Adding and removing are set-style: a redelivered event
 * changes nothing. The blocks only point: what {@code referral_index} holds decides.
 */
final class NameKeyPairs {

    static final String COLLECTION = "referral_name_keys";
    private static final String REFERRALS = "referralIds";
    private static final String BUILT = "#built";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> pairs;

    NameKeyPairs(MongoCollection<Document> pairs) {
        this.pairs = pairs;
    }

    /** Whether the blocks were built from the referrals stored before they existed (see {@link #markBuilt}). */
    boolean built() {
        return pairs.find(Filters.eq("_id", BUILT)).first() != null;
    }

    void markBuilt() {
        pairs.updateOne(Filters.eq("_id", BUILT), Updates.set("built", true), UPSERT);
    }

    void add(UUID referralId, NameKeys keys) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String pair : pairs(keys.givenSkeletons(), keys.familySkeletons())) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", pair),
                    Updates.addToSet(REFERRALS, referralId.toString()), UPSERT));
        }
        if (!writes.isEmpty()) {
            pairs.bulkWrite(writes);
        }
    }

    /** Takes the referral out of its blocks (its identity was erased); blocks left empty go. */
    void remove(UUID referralId, NameKeys keys) {
        for (String pair : pairs(keys.givenSkeletons(), keys.familySkeletons())) {
            pairs.updateOne(Filters.eq("_id", pair), Updates.pull(REFERRALS, referralId.toString()));
            pairs.deleteOne(Filters.and(Filters.eq("_id", pair), Filters.size(REFERRALS, 0)));
        }
    }

    /** The ids of the referrals listed under a pair of {@code keys}, straight or crosswise. */
    Set<UUID> sharing(NameKeys keys) {
        Set<String> wanted = new LinkedHashSet<>(pairs(keys.givenSkeletons(), keys.familySkeletons()));
        wanted.addAll(pairs(keys.familySkeletons(), keys.givenSkeletons()));
        Set<UUID> found = new LinkedHashSet<>();
        if (!wanted.isEmpty()) {
            pairs.find(Filters.in("_id", List.copyOf(wanted))).forEach(block ->
                    block.getList(REFERRALS, String.class, List.of()).forEach(id -> found.add(UUID.fromString(id))));
        }
        return found;
    }

    private static List<String> pairs(List<String> given, List<String> family) {
        List<String> pairs = new ArrayList<>();
        for (String g : given) {
            for (String f : family) {
                pairs.add(g + "|" + f);
            }
        }
        return pairs;
    }
}
