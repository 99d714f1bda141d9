package org.pve.caseplatform.audit.cohort;

import java.util.Set;
import org.bson.Document;

/**
 * Which cases a cohort counts: those of the given districts (every district when {@code districts} is null), and
 * the cases sealed on the security side only when {@code withSealed} (for the police).
 */
public record CohortScope(Set<String> districts, boolean withSealed) {

    public CohortScope {
        districts = districts == null ? null : Set.copyOf(districts);
    }

    public static CohortScope everything() {
        return new CohortScope(null, true);
    }

    public static CohortScope district(String districtId) {
        return new CohortScope(districtId == null ? null : Set.of(districtId), true);
    }

    boolean counts(Document stored) {
        if (districts != null && !districts.contains(stored.getString("districtId"))) {
            return false;
        }
        Document summary = stored.get("summary", Document.class);
        return withSealed || summary == null || !Boolean.TRUE.equals(summary.getBoolean("sealed"));
    }
}
