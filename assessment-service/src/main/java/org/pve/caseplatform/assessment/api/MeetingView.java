package org.pve.caseplatform.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.MeetingAttendee;

/** A panel meeting: its district, when it is held, who attends and the cases on its agenda; version = last sequence. */
public record MeetingView(UUID meetingId, String districtId, Instant heldOn, List<MeetingAttendee> attendees,
                          List<UUID> agenda, String scheduledBy, Instant scheduledAt, long version) {

    public boolean isAttendee(String memberId) {
        return attendees.stream().anyMatch(attendee -> attendee.memberId().equals(memberId));
    }

    public boolean hasOnAgenda(UUID caseId) {
        return agenda.contains(caseId);
    }
}
