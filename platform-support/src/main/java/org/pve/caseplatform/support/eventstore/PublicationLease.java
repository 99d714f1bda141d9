package org.pve.caseplatform.support.eventstore;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;

/**
 * One relay at a time per service database publishes, so instances do not send the same events twice over. Only an
 * economy: correctness never depends on it, as a second publisher can only add duplicates that consumers ignore.
 */
public class PublicationLease {

    private static final String LEASE_ID = "outbox-relay";

    private final MongoCollection<Document> leases;
    private final String owner = UUID.randomUUID().toString();
    private final Duration duration;
    private final Clock clock;

    public PublicationLease(MongoCollection<Document> leases, Duration duration, Clock clock) {
        this.leases = leases;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or extends the lease; false while another live instance holds it. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        try {
            leases.updateOne(
                    Filters.and(Filters.eq("_id", LEASE_ID),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("until", now.toEpochMilli()))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", now.plus(duration).toEpochMilli())),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void release() {
        leases.deleteOne(Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("owner", owner)));
    }
}
