package org.pve.caseplatform.audit.cohort;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pve.caseplatform.audit.history.CaseTimeline;
import org.pve.caseplatform.audit.history.SecuritySeal;
import org.pve.caseplatform.audit.history.StageEntry;
import org.pve.caseplatform.audit.history.TimelineEvent;

/**
 * The cohort read model, one document per case: the non-personal facts of every event seen of the case, keyed by
 * messageId (so a redelivery sets the same fact again), and what they add up to (district, referral month in UTC, stage,
 * the stages entered, escalations, closure outcome, whether it is sealed on the security side). Instants are ISO-8601 text so they keep their nanoseconds.
 */
public class CohortCases {

    public static final String COLLECTION = "cohort_cases";

    private static final Comparator<Document> ORDER = Comparator
            .comparing((Document fact) -> Instant.parse(fact.getString("occurredAt")))
            .thenComparing(fact -> fact.getString("topic"))
            .thenComparingInt(fact -> fact.getInteger("partition"))
            .thenComparingLong(fact -> ((Number) fact.get("offset")).longValue())
            .thenComparing(fact -> fact.getString("messageId"));

    private final MongoCollection<Document> cases;

    public CohortCases(MongoDatabase database, String collection) {
        this.cases = database.getCollection(collection);
    }

    public CohortCases(MongoDatabase database) {
        this(database, COLLECTION);
    }

    /** Records the fact (once per messageId) and recomputes what the case's facts add up to. */
    public void record(String caseId, String districtId, String messageId, Document fact) {
        Bson filter = Filters.eq("_id", caseId);
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("facts." + key(messageId), fact));
        if (districtId != null) {
            updates.add(Updates.set("districtId", districtId));
        }
        cases.updateOne(filter, Updates.combine(updates), new UpdateOptions().upsert(true));
        Document stored = cases.find(filter).first();
        cases.updateOne(filter, Updates.set("summary", summarise(stored)));
    }

    /** Every case document, without its raw facts unless asked for. */
    public List<Document> all(String districtId) {
        Bson filter = districtId == null ? new Document() : Filters.eq("districtId", districtId);
        return cases.find(filter).into(new ArrayList<>());
    }

    /** The case documents a cohort of that scope counts. */
    public List<Document> all(CohortScope scope) {
        Bson filter = scope.districts() != null && scope.districts().size() == 1
                ? Filters.eq("districtId", scope.districts().iterator().next()) : new Document();
        return cases.find(filter).into(new ArrayList<>()).stream().filter(scope::counts).toList();
    }

    /** Every case's district and current stage alone (null when it has none yet), for counting cheaply. */
    public List<Document> currentStages() {
        return cases.find().projection(Projections.include("districtId", "summary.stage"))
                .into(new ArrayList<>());
    }

    public void drop() {
        cases.drop();
    }

    private static Document summarise(Document stored) {
        Document facts = stored.get("facts", Document.class);
        List<Document> ordered = facts.values().stream().map(Document.class::cast).sorted(ORDER).toList();
        CaseTimeline timeline = CaseTimeline.of(ordered.stream()
                .map(fact -> new TimelineEvent(fact.getString("eventType"), Instant.parse(fact.getString("occurredAt")),
                        fact.getString("actor"), fact.get("data", Document.class)))
                .toList());
        Document summary = new Document();
        summary.append("stage", timeline.stage() == null ? null : timeline.stage().name());
        summary.append("referredAt", timeline.referredAt() == null ? null : timeline.referredAt().toString());
        summary.append("month", timeline.referredAt() == null ? null
                : YearMonth.from(timeline.referredAt().atOffset(ZoneOffset.UTC)).toString());
        List<Document> stages = new ArrayList<>();
        for (StageEntry entry : timeline.stages()) {
            stages.add(new Document("stage", entry.stage().name()).append("enteredAt", entry.enteredAt().toString()));
        }
        summary.append("stages", stages);
        summary.append("escalations", timeline.escalations());
        summary.append("escalatedTo", ordered.stream()
                .filter(fact -> "ReferralEscalatedToSecurity".equals(fact.getString("eventType")))
                .map(fact -> String.valueOf(fact.get("data", Document.class).get("escalatedTo")))
                .toList());
        summary.append("closureOutcome", timeline.closureOutcome());
        boolean sealed = false;
        for (Document fact : ordered) {
            sealed = SecuritySeal.after(sealed, fact.getString("eventType"),
                    fact.get("data", Document.class).get("escalatedTo"));
        }
        summary.append("sealed", sealed);
        return summary;
    }

    /** A messageId as a field name: MongoDB field names may hold neither dots nor a leading dollar. */
    static String key(String messageId) {
        return messageId.replace('.', '_').replace('$', '_');
    }

    /** The stored case as plain maps, for comparing two cohort models by content. */
    static Map<String, Object> content(Document stored) {
        return Document.parse(stored.toJson());
    }
}
