package org.pve.caseplatform.audit.history;

import java.time.Instant;

/** The case entered {@code stage} at {@code enteredAt}. */
public record StageEntry(CaseStage stage, Instant enteredAt) {
}
