package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.MeetingAttendee;

/**
 * Schedule a district's panel meeting. Each case on the agenda comes with the district its assessment belongs to,
 * as the sender found it (none when there is no such assessment), so the meeting can refuse one of another district.
 */
public record ScheduleMeeting(
        @TargetAggregateIdentifier UUID meetingId,
        String districtId,
        Instant heldOn,
        List<MeetingAttendee> attendees,
        List<AgendaCase> agenda,
        String scheduledBy) {

    /** A case proposed for the agenda and the district of its assessment (null when there is none). */
    public record AgendaCase(UUID caseId, String districtId) {
    }
}
