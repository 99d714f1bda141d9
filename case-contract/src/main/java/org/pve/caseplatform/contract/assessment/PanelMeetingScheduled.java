package org.pve.caseplatform.contract.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.MeetingAttendee;

/**
 * A district's panel meeting was scheduled: when it is held, who attends and which cases are on its agenda. Like
 * every event it is keyed by a case: the first on the agenda (as FamilyGroupFormed is by its founding member).
 */
public record PanelMeetingScheduled(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID meetingId,
        Instant heldOn,
        List<MeetingAttendee> attendees,
        List<UUID> agenda,
        String scheduledBy) implements CaseEvent {
}
