package org.pve.caseplatform.assessment.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.api.MeetingPreRead;
import org.pve.caseplatform.assessment.api.MeetingView;
import org.pve.caseplatform.assessment.api.RecordPanelDecision;
import org.pve.caseplatform.assessment.api.ScheduleMeeting;
import org.pve.caseplatform.assessment.api.ScheduleMeeting.AgendaCase;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.assessment.query.MeetingViewReader;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.MeetingAttendee;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.pve.caseplatform.support.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A district's panel meetings: scheduled with a date, attendees and an agenda of the district's cases; each case's
 * pre-read for the attendees only; and the meeting's decisions, recorded on each case. Every endpoint goes through
 * {@link MeetingAccess} with its Operation.
 */
@RestController
class MeetingController {

    private final MeetingAccess access;
    private final MeetingViewReader meetings;
    private final AssessmentViewReader assessments;
    private final CommandGateway commands;
    private final AssessmentCommands changes;
    private final PersonalDataVault vault;
    private final AccessPolicy policy;
    private final DistrictDirectory districts;

    MeetingController(MeetingAccess access, MeetingViewReader meetings, AssessmentViewReader assessments,
                      CommandGateway commands, AssessmentCommands changes, PersonalDataVault vault,
                      AccessPolicy policy, DistrictDirectory districts) {
        this.access = access;
        this.meetings = meetings;
        this.assessments = assessments;
        this.commands = commands;
        this.changes = changes;
        this.vault = vault;
        this.policy = policy;
        this.districts = districts;
    }

    @PostMapping("/meetings")
    ResponseEntity<MeetingView> schedule(Caller caller, @Valid @RequestBody MeetingRequest request) {
        policy.require(caller, Operation.SCHEDULE_PANEL_MEETING);
        policy.requireDistrict(caller, request.districtId());
        if (districts.find(request.districtId()).isEmpty()) {
            throw new InvalidRequest("districtId", "is not a district of this platform");
        }
        UUID meetingId = UUID.randomUUID();
        List<MeetingAttendee> attendees = request.attendees().stream()
                .map(attendee -> new MeetingAttendee(attendee.memberId(), attendee.agency())).toList();
        List<AgendaCase> agenda = request.agenda().stream().map(this::agendaCase).toList();
        commands.sendAndWait(new ScheduleMeeting(meetingId, request.districtId(), request.heldOn(), attendees, agenda,
                caller.id()));
        return ResponseEntity.created(URI.create("/meetings/" + meetingId)).body(meetings.find(meetingId));
    }

    @GetMapping("/meetings/{meetingId}")
    MeetingView meeting(Caller caller, @PathVariable UUID meetingId) {
        return access.meeting(caller, Operation.VIEW_PANEL_MEETING, meetingId);
    }

    @GetMapping("/meetings/{meetingId}/cases/{caseId}/pre-read")
    MeetingPreRead preRead(Caller caller, @PathVariable UUID meetingId, @PathVariable UUID caseId,
                           @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        return access.preRead(caller, meetingId, caseId, purpose);
    }

    @PostMapping("/meetings/{meetingId}/decisions")
    ResponseEntity<DecisionAccepted> decide(Caller caller, @PathVariable UUID meetingId,
                                            @RequestHeader(value = Versions.IF_MATCH, required = false)
                                            String ifMatch,
                                            @Valid @RequestBody DecisionRequest request) {
        MeetingView meeting = access.meeting(caller, Operation.RECORD_PANEL_DECISION, meetingId);
        AssessmentView assessment = agendaAssessment(meeting, request.caseId());
        EncryptedValue rationale = vault.encrypt(PersonalDataKeys.keyRefFor(assessment.subjectRef(),
                request.caseId()), request.rationale());
        changes.send(new RecordPanelDecision(request.caseId(), meeting, request.decision(), rationale,
                request.escalatedTo(), caller.id()), request.caseId(), ifMatch);
        AssessmentView after = assessments.find(request.caseId());
        return ResponseEntity.created(URI.create("/assessments/" + request.caseId()))
                .eTag(Versions.etag(after.version()))
                .body(new DecisionAccepted(meetingId, request.caseId(), request.decision(), caller.id(),
                        after.stage(), after.version()));
    }

    /** A case proposed for the agenda with its assessment's district; none when there is no such assessment. */
    private AgendaCase agendaCase(UUID caseId) {
        try {
            return new AgendaCase(caseId, assessments.find(caseId).districtId());
        } catch (UnknownRecord unknown) {
            return new AgendaCase(caseId, null);
        }
    }

    /** The assessment of a case on the meeting's agenda (its subject's key encrypts the rationale). */
    private AssessmentView agendaAssessment(MeetingView meeting, UUID caseId) {
        if (!meeting.hasOnAgenda(caseId)) {
            throw new InvalidRequest("caseId", RecordPanelDecision.NOT_ON_AGENDA);
        }
        return assessments.find(caseId);
    }
}
