package org.pve.caseplatform.assessment.web;

import java.util.UUID;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.api.MeetingPreRead;
import org.pve.caseplatform.assessment.api.MeetingView;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.assessment.query.MeetingViewReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * The panel meetings' gate: the role may send the operation (403), the meeting is of a district the caller works
 * in (404, as if missing). A case's pre-read is served only to the meeting's attendees, for a case on its agenda:
 * anyone else gets the 404 of a meeting that does not exist; it states its purpose and is logged as a case read.
 */
@Component
class MeetingAccess {

    static final String PRE_READ_VIEW = "meeting-pre-read";

    private final MeetingViewReader meetings;
    private final AssessmentViewReader assessments;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final AssessmentAccess assessmentAccess;

    MeetingAccess(MeetingViewReader meetings, AssessmentViewReader assessments, AccessPolicy policy,
                  CaseReads reads, AssessmentAccess assessmentAccess) {
        this.meetings = meetings;
        this.assessments = assessments;
        this.policy = policy;
        this.reads = reads;
        this.assessmentAccess = assessmentAccess;
    }

    /** The meeting, once the role and the meeting's district allow the operation. */
    MeetingView meeting(Caller caller, Operation operation, UUID meetingId) {
        policy.require(caller, operation);
        MeetingView meeting = meetings.find(meetingId);
        policy.requireInScope(caller, operation, meetingId.toString(), RecordScope.district(meeting.districtId()));
        return meeting;
    }

    /** The case's pre-read for an attendee of the meeting, after every check and the access-log entry. */
    MeetingPreRead preRead(Caller caller, UUID meetingId, UUID caseId, String purpose) {
        Operation operation = Operation.VIEW_MEETING_PRE_READ;
        MeetingView meeting = meeting(caller, operation, meetingId);
        if (!meeting.isAttendee(caller.id()) || !meeting.hasOnAgenda(caseId)) {
            throw new UnknownRecord(meetingId.toString());
        }
        AssessmentView assessment = assessments.find(caseId);
        RecordScope scope = RecordScope.district(assessment.districtId());
        policy.requirePurpose(caller, operation, purpose);
        assessmentAccess.requireAgreement(caller, assessment);
        reads.authorize(caller, operation, meetingId.toString(), caseId, scope, purpose, PRE_READ_VIEW);
        return new MeetingPreRead(meetingId, meeting.heldOn(), assessment);
    }
}
