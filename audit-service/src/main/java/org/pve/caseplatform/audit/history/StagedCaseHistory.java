package org.pve.caseplatform.audit.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;

/**
 * A case's history with how the case stood at its end ({@code stateAsOf}: at {@code asOf} when one was asked, else
 * now) and how long it took between its milestones up to then.
 */
public record StagedCaseHistory(UUID caseId, Instant asOf, List<RecordedEvent> events, CaseState stateAsOf,
                                StageDurations stageDurations) {

    public StagedCaseHistory {
        events = List.copyOf(events);
    }

    /** Folds the history's events, already in history order, into its state and durations. */
    public static StagedCaseHistory of(CaseHistory history) {
        CaseTimeline timeline = CaseTimeline.of(history.events().stream()
                .map(event -> new TimelineEvent(event.eventType(), event.occurredAt(), event.actor(), event.data()))
                .toList());
        return new StagedCaseHistory(history.caseId(), history.asOf(), history.events(), timeline.state(),
                timeline.durations());
    }
}
