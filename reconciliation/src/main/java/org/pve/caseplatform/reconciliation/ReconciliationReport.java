package org.pve.caseplatform.reconciliation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one reconciliation found: how many cases and stored events it compared, the differences, and what is still
 * pending within the grace period.
 */
public record ReconciliationReport(int casesCompared, int eventsCompared, List<Difference> differences,
                                   List<Pending> pending) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
        pending = List.copyOf(pending);
    }

    /** No difference (pending items may remain: they are on their way, within the grace period). */
    public boolean clean() {
        return differences.isEmpty();
    }

    /** Clean and nothing pending: every store agrees with every other right now. */
    public boolean settled() {
        return clean() && pending.isEmpty();
    }

    public Map<Kind, Integer> differencesByKind() {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        differences.forEach(difference -> counts.merge(difference.kind(), 1, Integer::sum));
        return counts;
    }

    public List<Difference> differencesOf(String caseId) {
        return differences.stream().filter(difference -> caseId.equals(difference.caseId())).toList();
    }
}
