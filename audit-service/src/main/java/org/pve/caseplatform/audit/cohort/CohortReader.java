package org.pve.caseplatform.audit.cohort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Answers the cohort views from the per-case documents. Aggregate only: no case id leaves it. For the district
 * network ({@code suppressed}), a count under {@link #THRESHOLD} is withheld as null with {@code suppressed} true.
 */
public class CohortReader {

    public static final int THRESHOLD = 5;

    private final CohortCases cases;

    public CohortReader(CohortCases cases) {
        this.cases = cases;
    }

    /** Cases per district, referral month and current stage, within the scope; month may be null. */
    public List<StageCount> stages(CohortScope scope, String month, boolean suppress) {
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Document stored : cases.all(scope)) {
            Document summary = summary(stored);
            String stage = summary.getString("stage");
            String referredIn = summary.getString("month");
            if (stage == null || (month != null && !month.equals(referredIn))) {
                continue;
            }
            counts.merge(List.of(district(stored), String.valueOf(referredIn), stage), 1, Integer::sum);
        }
        List<StageCount> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new StageCount(key.get(0), key.get(1), key.get(2),
                shown(count, suppress), hidden(count, suppress))));
        return rows;
    }

    /** Median and 90th percentile of the completed stays per district and stage. */
    public List<TimeInStage> timeInStage(CohortScope scope, boolean suppress) {
        Map<List<String>, List<Duration>> stays = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Document stored : cases.all(scope)) {
            List<Document> entered = summary(stored).getList("stages", Document.class, List.of());
            for (int i = 0; i + 1 < entered.size(); i++) {
                Duration stay = Duration.between(Instant.parse(entered.get(i).getString("enteredAt")),
                        Instant.parse(entered.get(i + 1).getString("enteredAt")));
                stays.computeIfAbsent(List.of(district(stored), entered.get(i).getString("stage")),
                        key -> new ArrayList<>()).add(stay);
            }
        }
        List<TimeInStage> rows = new ArrayList<>();
        stays.forEach((key, durations) -> {
            List<Duration> sorted = durations.stream().sorted().toList();
            boolean hide = hidden(sorted.size(), suppress);
            rows.add(new TimeInStage(key.get(0), key.get(1), shown(sorted.size(), suppress),
                    hide ? null : percentile(sorted, 50).toString(), hide ? null : percentile(sorted, 90).toString(),
                    hide));
        });
        return rows;
    }

    /** Escalations by destination and closures by outcome, per district. */
    public List<OutcomeCount> outcomes(CohortScope scope, boolean suppress) {
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Document stored : cases.all(scope)) {
            Document summary = summary(stored);
            for (String destination : summary.getList("escalatedTo", String.class, List.of())) {
                counts.merge(List.of(district(stored), "ESCALATION", destination), 1, Integer::sum);
            }
            String closure = summary.getString("closureOutcome");
            if (closure != null) {
                counts.merge(List.of(district(stored), "CLOSURE", closure), 1, Integer::sum);
            }
        }
        List<OutcomeCount> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new OutcomeCount(key.get(0), key.get(1), key.get(2),
                shown(count, suppress), hidden(count, suppress))));
        return rows;
    }

    /** Nearest rank: the smallest stay with at least {@code percent}% of the stays at or below it. */
    static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Document summary(Document stored) {
        Document summary = stored.get("summary", Document.class);
        return summary == null ? new Document() : summary;
    }

    private static String district(Document stored) {
        return String.valueOf(stored.getString("districtId"));
    }

    private static Integer shown(int count, boolean suppress) {
        return hidden(count, suppress) ? null : count;
    }

    private static boolean hidden(int count, boolean suppress) {
        return suppress && count < THRESHOLD;
    }
}
