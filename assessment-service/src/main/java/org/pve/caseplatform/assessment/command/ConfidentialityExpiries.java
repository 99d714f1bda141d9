package org.pve.caseplatform.assessment.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.schedule.DeadlineMetrics;

/**
 * The durable expiries of confidentiality agreements (MongoDB collection {@code confidentiality-expiries}): one
 * document per agreement recorded (case, member, validUntil), kept across restarts and marked fired once its
 * command went through. An agreement extended since keeps its old document; the aggregate ignores that expiry. Its
 * meters are those of {@link DeadlineMetrics}, kind {@value #KIND}, under the district of the case.
 */
public class ConfidentialityExpiries {

    static final String COLLECTION = "confidentiality-expiries";

    static final String KIND = "confidentiality";

    private final MongoCollection<Document> expiries;
    private final Function<UUID, Optional<String>> districtOf;
    private final DeadlineMetrics metrics;

    /** @param districtOf the district of a case, written with each expiry for its meters */
    public ConfidentialityExpiries(ServiceDatabase database, MeterRegistry registry,
                                   Function<UUID, Optional<String>> districtOf) {
        this.expiries = database.database().getCollection(COLLECTION);
        this.expiries.createIndex(Indexes.ascending("fired", "dueAtMillis"));
        this.districtOf = districtOf;
        this.metrics = new DeadlineMetrics(registry, expiries, expiry -> KIND);
    }

    /** An agreement's expiry still to fire. */
    public record Expiry(String id, UUID caseId, String memberId, Instant validUntil) {
    }

    /** Records the expiry unless it is already there; dueAt keeps validUntil exactly, dueAtMillis is for queries. */
    public void schedule(UUID caseId, String memberId, Instant validUntil) {
        expiries.updateOne(Filters.eq("_id", idOf(caseId, memberId, validUntil)), Updates.combine(
                Updates.setOnInsert("caseId", caseId.toString()),
                Updates.setOnInsert("memberId", memberId),
                Updates.setOnInsert(DeadlineMetrics.DISTRICT, districtOf.apply(caseId).orElse(null)),
                Updates.setOnInsert("dueAtMillis", validUntil.toEpochMilli()),
                Updates.setOnInsert("dueAt", validUntil.toString()),
                Updates.setOnInsert("fired", false)), new UpdateOptions().upsert(true));
    }

    /** The expiries due at {@code now} that have not fired yet, earliest first. */
    public List<Expiry> due(Instant now, int limit) {
        List<Expiry> due = new ArrayList<>();
        expiries.find(Filters.and(Filters.eq("fired", false), Filters.lte("dueAtMillis", now.toEpochMilli())))
                .sort(Indexes.ascending("dueAtMillis")).limit(limit)
                .forEach(document -> due.add(new Expiry(document.getString("_id"),
                        UUID.fromString(document.getString("caseId")), document.getString("memberId"),
                        Instant.parse(document.getString("dueAt")))));
        return due;
    }

    /** Marks the expiry fired; counts it the first time only, so a second instance firing it too adds nothing. */
    public void markFired(Expiry expiry, Instant firedAt) {
        metrics.markFired(expiry.id(), firedAt);
    }

    /** Recounts the pending and overdue gauges as of {@code now}. */
    public void measure(Instant now) {
        metrics.refresh(now);
    }

    /** Drops an expiry whose case has no assessment (the command that recorded it failed). */
    public void drop(Expiry expiry) {
        expiries.deleteOne(Filters.eq("_id", expiry.id()));
    }

    static String idOf(UUID caseId, String memberId, Instant validUntil) {
        return "confidentiality-expiry:" + caseId + ":" + memberId + ":" + validUntil.toEpochMilli();
    }
}
