package org.pve.caseplatform.assessment.query;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.MeetingView;
import org.pve.caseplatform.contract.assessment.PanelMeetingScheduled;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.eventstore.EventStreams;
import org.springframework.stereotype.Component;

/** Builds a panel meeting's view from its own events; an id that names no meeting (a case's, say) is unknown. */
@Component
public class MeetingViewReader {

    private final EventStreams streams;

    public MeetingViewReader(EventStreams streams) {
        this.streams = streams;
    }

    public MeetingView find(UUID meetingId) {
        EventStreams.Stream stream = streams.of(meetingId.toString());
        PanelMeetingScheduled scheduled = stream.events().stream()
                .filter(PanelMeetingScheduled.class::isInstance).map(PanelMeetingScheduled.class::cast)
                .filter(event -> event.meetingId().equals(meetingId))
                .findFirst().orElseThrow(() -> new UnknownRecord(meetingId.toString()));
        return new MeetingView(meetingId, scheduled.districtId(), scheduled.heldOn(), scheduled.attendees(),
                scheduled.agenda(), scheduled.scheduledBy(), scheduled.occurredAt(), stream.version());
    }
}
