package org.pve.caseplatform.referral.matching;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;

/**
 * Who holds the open case of a person in a district (collection {@code open_subjects}, {@code _id} = the claim of
 * {@link NameKeys#claimIn}): the first referral claims it atomically by inserting, a later one finds it taken and
 * joins that case. The case index releases the claim when the case closes or is sealed and takes it again when the
 * case comes back from security.
 */
public class OpenCaseClaims {

    static final String COLLECTION = "open_subjects";

    private final MongoCollection<Document> claims;

    public OpenCaseClaims(ServiceDatabase database) {
        this.claims = database.database().getCollection(COLLECTION);
    }

    /** Claims the person's open case for {@code caseId}; answers the case that holds the claim, maybe another. */
    public UUID claim(String claim, UUID caseId) {
        try {
            claims.insertOne(new Document("_id", claim).append("caseId", caseId.toString()));
            return caseId;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = claims.find(Filters.eq("_id", claim)).first();
            return holder == null ? claim(claim, caseId) : UUID.fromString(holder.getString("caseId"));
        }
    }

    /** Releases every claim the case holds (it closed or was sealed): the next referral opens a new case. */
    public void release(UUID caseId) {
        claims.deleteMany(Filters.eq("caseId", caseId.toString()));
    }

    /** Drops one claim if {@code caseId} holds it. */
    public void drop(String claim, UUID caseId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", claim), Filters.eq("caseId", caseId.toString())));
    }

    /** Moves a claim that {@code from} holds to {@code to}, when a referral is linked elsewhere or unlinked. */
    public void move(String claim, UUID from, UUID to) {
        claims.updateOne(Filters.and(Filters.eq("_id", claim), Filters.eq("caseId", from.toString())),
                Updates.set("caseId", to.toString()));
    }
}
