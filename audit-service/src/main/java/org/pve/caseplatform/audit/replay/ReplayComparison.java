package org.pve.caseplatform.audit.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A rebuilt model compared with the live one by content: how many ledger entries and cohort cases were compared
 * and the first differences found (none when the models are equal).
 */
public record ReplayComparison(int ledgerEntriesCompared, int cohortCasesCompared, List<String> differences) {

    public ReplayComparison {
        differences = List.copyOf(differences);
    }

    @JsonProperty("equal")
    public boolean equal() {
        return differences.isEmpty();
    }
}
