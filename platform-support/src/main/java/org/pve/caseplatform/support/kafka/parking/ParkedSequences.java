package org.pve.caseplatform.support.kafka.parking;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The parked sequences of a service's consumers, in its own database (collection {@value #COLLECTION}): one
 * document per consumer and case ({@code _id} = consumer + "/" + caseId) with the positions of its records in
 * order, never their content. {@code count} is the number of positions, so that a retry removes or shortens the
 * sequence only when no record was appended meanwhile (by the instance that owns the case's partition).
 */
public class ParkedSequences {

    public static final String COLLECTION = "parked_sequences";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ParkedSequences(MongoCollection<Document> collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    /** The cases parked for a consumer. */
    public Set<String> casesOf(String consumer) {
        Set<String> cases = new HashSet<>();
        collection.find(Filters.eq("consumer", consumer)).projection(Projections.include("caseId"))
                .forEach(document -> cases.add(document.getString("caseId")));
        return cases;
    }

    /** Parks the case with the record that failed (or adds it to the sequence, should one be there already). */
    public void park(String consumer, String caseId, String districtId, String reason, ParkedPosition position) {
        Date now = Date.from(clock.instant());
        collection.updateOne(Filters.eq("_id", id(consumer, caseId)), Updates.combine(
                Updates.setOnInsert("consumer", consumer), Updates.setOnInsert("caseId", caseId),
                Updates.setOnInsert("districtId", districtId), Updates.setOnInsert("parkedAt", now),
                Updates.set("reason", reason), Updates.set("lastTriedAt", now),
                Updates.push("positions", position.toDocument()), Updates.inc("count", 1)),
                new UpdateOptions().upsert(true));
    }

    /** Queues a later record of a parked case behind the others; false when the case is no longer parked. */
    public boolean append(String consumer, String caseId, ParkedPosition position) {
        return collection.updateOne(Filters.eq("_id", id(consumer, caseId)), Updates.combine(
                Updates.push("positions", position.toDocument()), Updates.inc("count", 1))).getMatchedCount() > 0;
    }

    public Optional<ParkedSequence> find(String consumer, String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id(consumer, caseId))).first())
                .map(ParkedSequences::read);
    }

    /** Every parked sequence of the service, the oldest first. */
    public List<ParkedSequence> all() {
        List<ParkedSequence> sequences = new ArrayList<>();
        collection.find().sort(Sorts.ascending("parkedAt")).forEach(document -> sequences.add(read(document)));
        return sequences;
    }

    /** Removes the sequence after its first {@code handled} records were handled, unless more came meanwhile. */
    public boolean removeIfNoMoreThan(String consumer, String caseId, int handled) {
        return collection.deleteOne(Filters.and(Filters.eq("_id", id(consumer, caseId)), Filters.eq("count", handled)))
                .getDeletedCount() > 0;
    }

    /** Drops the first {@code handled} records (handled by a retry) and keeps the rest parked for the new reason. */
    public void keepFrom(String consumer, String caseId, int handled, String reason) {
        while (true) {
            Optional<ParkedSequence> current = find(consumer, caseId);
            if (current.isEmpty()) {
                return;
            }
            List<ParkedPosition> positions = current.get().positions();
            List<Document> left = positions.subList(Math.min(handled, positions.size()), positions.size()).stream()
                    .map(ParkedPosition::toDocument).toList();
            long changed = collection.updateOne(Filters.and(Filters.eq("_id", id(consumer, caseId)),
                            Filters.eq("count", positions.size())),
                    Updates.combine(Updates.set("positions", left), Updates.set("count", left.size()),
                            Updates.set("reason", reason), Updates.set("lastTriedAt", Date.from(clock.instant()))))
                    .getMatchedCount();
            if (changed > 0) {
                return;
            }
        }
    }

    private static String id(String consumer, String caseId) {
        return consumer + "/" + caseId;
    }

    private static ParkedSequence read(Document document) {
        List<ParkedPosition> positions = document.getList("positions", Document.class, List.of()).stream()
                .map(ParkedPosition::from).toList();
        return new ParkedSequence(document.getString("consumer"), document.getString("caseId"),
                document.getString("districtId"), document.getString("reason"),
                document.getDate("parkedAt").toInstant(), document.getDate("lastTriedAt").toInstant(), positions);
    }
}
