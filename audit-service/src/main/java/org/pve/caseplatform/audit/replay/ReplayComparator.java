package org.pve.caseplatform.audit.replay;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortScope;
import org.pve.caseplatform.audit.history.ErasureMarks;
import org.pve.caseplatform.audit.ledger.HashChains;

/**
 * Compares a replay's models with the live ones by content, within the replay's range: the district it was for
 * (if any) and the records between the offsets it started from and the end offsets it read to. Ledger entries are
 * compared on what they say an event was (not when the ledger wrote them, nor the ledger's own chain fields, which
 * depend on what else was written); cohort cases on their facts and, for a replay from the beginning, what the facts
 * add up to (for the cases the replay read whole).
 */
public final class ReplayComparator {

    /** The live ledger's collection (see query.Ledger). */
    static final String LEDGER = "ledger";
    static final List<String> LEDGER_FIELDS = List.of("_id", "caseId", "districtId", "eventType", "eventRevision",
            "service", "topic", "partition", "offset", "occurredAt", "occurredAtNanos", "correlationId", "actor",
            "data");
    private static final int SHOWN = 20;

    private ReplayComparator() {
    }

    public static ReplayComparison compare(MongoDatabase live, MongoDatabase replay, String districtId,
                                           ReplayedRange range, boolean fromBeginning) {
        return compare(live, replay, districtId, range, fromBeginning, false);
    }

    /** With {@code chains}, also every hash-chain link the replay built must have the live link's hash. */
    public static ReplayComparison compare(MongoDatabase live, MongoDatabase replay, String districtId,
                                           ReplayedRange range, boolean fromBeginning, boolean chains) {
        return compare(live, replay, districtId, range, fromBeginning, chains, keyRef -> true);
    }

    /**
     * The same, a difference shown with every personal field whose key the key store no longer holds
     * ({@code holdsKey} false) as {@code {"erased": true}}.
     */
    public static ReplayComparison compare(MongoDatabase live, MongoDatabase replay, String districtId,
                                           ReplayedRange range, boolean fromBeginning, boolean chains,
                                           Predicate<String> holdsKey) {
        ErasureMarks marks = new ErasureMarks(holdsKey);
        List<String> differences = new ArrayList<>();
        if (chains) {
            diffChains(live, replay, differences);
        }
        Map<String, Document> liveEntries = ledger(live, districtId, range);
        Map<String, Document> replayEntries = ledger(replay, districtId, range);
        diff("ledger entry", liveEntries, replayEntries, differences, marks);
        Set<String> whole = fromBeginning ? wholeWithin(live, districtId, range) : Set.of();
        Map<String, Document> liveCases = cohorts(live, districtId, range, whole);
        Map<String, Document> replayCases = cohorts(replay, districtId, range, whole);
        diff("cohort case", liveCases, replayCases, differences, marks);
        return new ReplayComparison(liveEntries.size(), liveCases.size(),
                differences.subList(0, Math.min(SHOWN, differences.size())));
    }

    /** A rebuild from Kafka reproduces the chains exactly: each link the replay made, the live ledger has too. */
    private static void diffChains(MongoDatabase live, MongoDatabase replay, List<String> differences) {
        Map<String, String> liveLinks = links(live);
        links(replay).forEach((link, hash) -> {
            if (!hash.equals(liveLinks.get(link))) {
                differences.add("chain link " + link + ": " + (liveLinks.containsKey(link)
                        ? "hash differs" : "missing in the live ledger"));
            }
        });
    }

    private static Map<String, String> links(MongoDatabase database) {
        Map<String, String> links = new TreeMap<>();
        for (String collection : List.of(HashChains.ENTRIES, HashChains.LINKS)) {
            for (Document link : database.getCollection(collection).find(Filters.exists("hash"))) {
                links.put(link.getString("chain") + "@" + link.get("position"), link.getString("hash"));
            }
        }
        return links;
    }

    private static Map<String, Document> ledger(MongoDatabase database, String districtId,
                                                ReplayedRange range) {
        Map<String, Document> entries = new TreeMap<>();
        for (Document entry : database.getCollection(LEDGER).find()) {
            if (inRange(entry, districtId, range)) {
                Document content = new Document();
                LEDGER_FIELDS.forEach(field -> content.append(field, entry.get(field)));
                entries.put(String.valueOf(entry.get("_id")), Document.parse(content.toJson()));
            }
        }
        return entries;
    }

    /** The live cases all of whose facts lie in the range: only for those must the summaries agree too. */
    private static Set<String> wholeWithin(MongoDatabase live, String districtId, ReplayedRange range) {
        Set<String> whole = new HashSet<>();
        for (Document stored : new CohortCases(live).all(CohortScope.district(districtId))) {
            if (stored.get("facts", Document.class).values().stream()
                    .allMatch(fact -> inRange((Document) fact, null, range))) {
                whole.add(String.valueOf(stored.get("_id")));
            }
        }
        return whole;
    }

    private static Map<String, Document> cohorts(MongoDatabase database, String districtId,
                                                 ReplayedRange range, Set<String> whole) {
        Map<String, Document> cases = new TreeMap<>();
        for (Document stored : new CohortCases(database).all(CohortScope.district(districtId))) {
            Document facts = new Document();
            stored.get("facts", Document.class).forEach((key, fact) -> {
                if (inRange((Document) fact, null, range)) {
                    facts.append(key, fact);
                }
            });
            if (facts.isEmpty()) {
                continue;
            }
            Document content = new Document("districtId", stored.get("districtId"))
                    .append("facts", new Document(new TreeMap<>(facts)));
            if (whole.contains(String.valueOf(stored.get("_id")))) {
                content.append("summary", stored.get("summary"));
            }
            cases.put(String.valueOf(stored.get("_id")), Document.parse(content.toJson()));
        }
        return cases;
    }

    private static boolean inRange(Document positioned, String districtId, ReplayedRange range) {
        if (districtId != null && !districtId.equals(positioned.get("districtId"))) {
            return false;
        }
        return range.contains(positioned.getString("topic"), positioned.getInteger("partition"),
                ((Number) positioned.get("offset")).longValue());
    }

    private static void diff(String what, Map<String, Document> live, Map<String, Document> replay,
                             List<String> differences, ErasureMarks marks) {
        TreeSet<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(replay.keySet());
        for (String key : keys) {
            Document expected = live.get(key);
            Document actual = replay.get(key);
            if (actual == null) {
                differences.add(what + " " + key + " is live but not in the replay");
            } else if (expected == null) {
                differences.add(what + " " + key + " is in the replay but not live");
            } else if (!Objects.equals(expected, actual)) {
                differences.add(what + " " + key + " differs: live " + marks.apply(expected).toJson()
                        + ", replay " + marks.apply(actual).toJson());
            }
        }
    }
}
