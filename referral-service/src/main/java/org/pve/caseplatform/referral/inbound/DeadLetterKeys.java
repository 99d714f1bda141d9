package org.pve.caseplatform.referral.inbound;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;

/**
 * The keys made for single dead letters ({@code dlt-<uuid>}, collection {@code dead_letter_keys}): a dead letter
 * whose subject could not be told has a key of its own, destroyed once the dead-letter retention has passed, so
 * that its original is unreadable even if the topic keeps the record longer.
 */
public class DeadLetterKeys {

    static final String COLLECTION = "dead_letter_keys";
    static final String PREFIX = "dlt-";

    private final MongoCollection<Document> keys;
    private final PersonalDataVault vault;

    public DeadLetterKeys(ServiceDatabase database, PersonalDataVault vault) {
        this.keys = database.database().getCollection(COLLECTION);
        this.keys.createIndex(Indexes.ascending("createdAtMillis"));
        this.vault = vault;
    }

    /** Records a new dead letter's own key, made at {@code createdAt}. */
    void created(String keyRef, Instant createdAt) {
        keys.insertOne(new Document("_id", keyRef).append("createdAtMillis", createdAt.toEpochMilli()));
    }

    /** Destroys every dead-letter key made before {@code cutoff}; answers how many. */
    public int destroyOlderThan(Instant cutoff) {
        List<String> expired = new ArrayList<>();
        keys.find(Filters.lt("createdAtMillis", cutoff.toEpochMilli()))
                .forEach(document -> expired.add(document.getString("_id")));
        for (String keyRef : expired) {
            vault.destroy(keyRef);
            keys.deleteOne(Filters.eq("_id", keyRef));
        }
        return expired.size();
    }
}
