package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.UUID;

/** What a meeting's attendees read before it about one case on its agenda: the case's assessment as it stands. */
public record MeetingPreRead(UUID meetingId, Instant heldOn, AssessmentView assessment) {
}
