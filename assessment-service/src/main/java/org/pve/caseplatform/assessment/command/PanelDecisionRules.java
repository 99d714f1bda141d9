package org.pve.caseplatform.assessment.command;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.MeetingView;
import org.pve.caseplatform.assessment.api.RecordPanelDecision;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * Whether a panel meeting may decide about a case: a meeting of the case's district that has the case on its
 * agenda, the decision recorded by one of its attendees, and an escalation naming where the case goes.
 */
final class PanelDecisionRules {

    private PanelDecisionRules() {
    }

    static void check(RecordPanelDecision command, UUID caseId, String districtId) {
        MeetingView meeting = command.meeting();
        if (!meeting.districtId().equals(districtId) || !meeting.hasOnAgenda(caseId)) {
            throw new InvalidRequest("caseId", RecordPanelDecision.NOT_ON_AGENDA);
        }
        if (!meeting.isAttendee(command.decidedBy())) {
            throw new Forbidden("attendees", "only an attendee of the meeting records its decisions");
        }
        if (command.decision() == null) {
            throw new InvalidRequest("decision", "is required");
        }
        boolean escalation = command.decision() == PanelDecision.ESCALATE_TO_SECURITY;
        if (escalation != (command.escalatedTo() != null)) {
            throw new InvalidRequest("escalatedTo", escalation ? "is required to escalate to security"
                    : "goes with ESCALATE_TO_SECURITY only");
        }
    }
}
