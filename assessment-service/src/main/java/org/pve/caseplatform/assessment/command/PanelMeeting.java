package org.pve.caseplatform.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.assessment.api.ScheduleMeeting;
import org.pve.caseplatform.assessment.api.ScheduleMeeting.AgendaCase;
import org.pve.caseplatform.contract.MeetingAttendee;
import org.pve.caseplatform.contract.assessment.PanelMeetingScheduled;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * A district's panel meeting: a date, the members who attend it (each for an agency) and an agenda of the district's
 * cases. Its decisions are recorded on each case (CaseAssessment), which checks them against the meeting.
 */
@Aggregate
class PanelMeeting {

    static final int MOST_ATTENDEES = 40;
    static final int MOST_CASES = 50;

    @AggregateIdentifier
    private UUID meetingId;

    PanelMeeting() {
    }

    @CommandHandler
    PanelMeeting(ScheduleMeeting command) {
        if (command.districtId() == null || command.districtId().isBlank()) {
            throw new InvalidRequest("districtId", "is required: the district whose panel meets");
        }
        if (command.heldOn() == null) {
            throw new InvalidRequest("heldOn", "is required: when the meeting is held");
        }
        requireAttendees(command.attendees());
        List<UUID> agenda = agendaOf(command.agenda(), command.districtId());
        apply(new PanelMeetingScheduled(agenda.get(0), command.districtId(), GenericEventMessage.clock.instant(),
                command.meetingId(), command.heldOn(), List.copyOf(command.attendees()), agenda,
                command.scheduledBy()));
    }

    @EventSourcingHandler
    void on(PanelMeetingScheduled event) {
        meetingId = event.meetingId();
    }

    private static void requireAttendees(List<MeetingAttendee> attendees) {
        if (attendees == null || attendees.isEmpty() || attendees.size() > MOST_ATTENDEES) {
            throw new InvalidRequest("attendees", "from 1 to " + MOST_ATTENDEES + " members attend a meeting");
        }
        Set<String> members = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            MeetingAttendee attendee = attendees.get(i);
            if (attendee == null || attendee.memberId() == null || attendee.memberId().isBlank()
                    || attendee.agency() == null) {
                throw new InvalidRequest("attendees[" + i + "]", "names a member and the agency they sit for");
            }
            if (!members.add(attendee.memberId())) {
                throw new InvalidRequest("attendees[" + i + "]", "this member is already an attendee");
            }
        }
    }

    /** The agenda's case ids, once every case is a distinct case of the meeting's district. */
    private static List<UUID> agendaOf(List<AgendaCase> agenda, String districtId) {
        if (agenda == null || agenda.isEmpty() || agenda.size() > MOST_CASES) {
            throw new InvalidRequest("agenda", "from 1 to " + MOST_CASES + " cases are on an agenda");
        }
        Set<UUID> cases = new HashSet<>();
        for (int i = 0; i < agenda.size(); i++) {
            AgendaCase item = agenda.get(i);
            if (item == null || item.caseId() == null || !districtId.equals(item.districtId())) {
                throw new InvalidRequest("agenda[" + i + "]", "is not the case of an assessment in district "
                        + districtId);
            }
            if (!cases.add(item.caseId())) {
                throw new InvalidRequest("agenda[" + i + "]", "this case is already on the agenda");
            }
        }
        return agenda.stream().map(AgendaCase::caseId).toList();
    }
}
