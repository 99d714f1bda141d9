package org.pve.caseplatform.assessment.command;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.DeadlineMetrics;
import org.pve.caseplatform.support.schedule.DeadlineStore;
import org.pve.caseplatform.support.sharding.DistrictShard;

/**
 * The durable expiries of confidentiality agreements (MongoDB collection {@code confidentiality-expiries}): one
 * document per agreement recorded (case, member, validUntil), kept across restarts and marked fired once its
 * command went through. An agreement extended since keeps its old document; the aggregate ignores that expiry. Its
 * meters are those of {@link DeadlineMetrics}, kind {@value #KIND}, under the district of the case.
 */
public class ConfidentialityExpiries {

    static final String COLLECTION = "confidentiality-expiries";

    static final String KIND = "confidentiality";

    private final DeadlineStore expiries;
    private final Function<UUID, Optional<String>> districtOf;

    /** @param districtOf the district of a case, written with each expiry for its meters */
    public ConfidentialityExpiries(ServiceDatabase database, MeterRegistry registry,
                                   Function<UUID, Optional<String>> districtOf) {
        this.expiries = new DeadlineStore(database.database().getCollection(COLLECTION), registry, expiry -> KIND);
        this.districtOf = districtOf;
    }

    /** An agreement's expiry still to fire. */
    public record Expiry(String id, UUID caseId, String memberId, Instant validUntil) {
    }

    /** Records the expiry unless it is already there; dueAt keeps validUntil exactly, dueAtMillis is for queries. */
    public void schedule(UUID caseId, String memberId, Instant validUntil) {
        expiries.schedule(idOf(caseId, memberId, validUntil), districtOf.apply(caseId).orElse(null), validUntil,
                new Document("caseId", caseId.toString()).append("memberId", memberId));
    }

    /** The expiries of the shard's districts due at {@code now} that have not fired yet, earliest first. */
    public List<Expiry> due(Instant now, DistrictShard shard, int limit) {
        return expiries.due(now, shard, limit, document -> new Expiry(document.getString("_id"),
                UUID.fromString(document.getString("caseId")), document.getString("memberId"),
                Instant.parse(document.getString("dueAt"))));
    }

    /** Marks the expiry fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(Expiry expiry, Instant firedAt) {
        expiries.markFired(expiry.id(), firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        expiries.measure(now);
    }

    /**
     * Drops an expiry whose case has no assessment (the command that recorded it failed),
     * once a second poll missed it too ({@link DeadlineStore#dropOnSecondMiss}); true if dropped.
     */
    public boolean drop(Expiry expiry) {
        return expiries.dropOnSecondMiss(expiry.id());
    }

    static String idOf(UUID caseId, String memberId, Instant validUntil) {
        return "confidentiality-expiry:" + caseId + ":" + memberId + ":" + validUntil.toEpochMilli();
    }
}
