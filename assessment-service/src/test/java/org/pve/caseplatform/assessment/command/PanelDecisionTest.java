package org.pve.caseplatform.assessment.command;

import static org.pve.caseplatform.support.testing.Refusals.forbiddenNaming;
import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.assessment.api.MeetingView;
import org.pve.caseplatform.assessment.api.RecordPanelDecision;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.MeetingAttendee;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.AssessmentConcludedNoFurtherAction;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.PanelDecisionRecorded;

/** A panel meeting's decisions as the case records them (CaseAssessment). */
class PanelDecisionTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000d7");
    private static final UUID OTHER_CASE = UUID.fromString("00000000-0000-0000-0000-0000000000d8");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    private static final String DISTRICT = "dk-fyn";
    private static final String ATTENDEE = "member-social";
    private static final EncryptedValue RATIONALE = EncryptedValue.of("sub-d7", "aXY=", "cmF0aW9uYWxl");
    private static final MeetingView MEETING_VIEW = meeting(DISTRICT, List.of(CASE, OTHER_CASE));

    private AggregateTestFixture<CaseAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAssessment.class);
    }

    @Test
    void anAttendeeRecordsTheMeetingsDecisionOnTheCase() {
        fixture.given(opened())
                .when(decide(MEETING_VIEW, PanelDecision.REQUEST_INFORMATION, ATTENDEE, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(PanelDecision.REQUEST_INFORMATION, null));
    }

    @Test
    void aConclusionEndsTheAssessmentAsTheConclusionEndpointDoes() {
        fixture.given(opened())
                .when(decide(MEETING_VIEW, PanelDecision.CONCLUDE_NO_FURTHER_ACTION, ATTENDEE, null))
                .expectEvents(recorded(PanelDecision.CONCLUDE_NO_FURTHER_ACTION, null),
                        new AssessmentConcludedNoFurtherAction(CASE, DISTRICT, fixture.currentTime(),
                                "decided at panel meeting " + MEETING, ATTENDEE));
    }

    @Test
    void anEscalationEndsTheAssessmentAndNamesWhereTheCaseGoes() {
        fixture.given(opened())
                .when(decide(MEETING_VIEW, PanelDecision.ESCALATE_TO_SECURITY, ATTENDEE,
                        SecurityDestination.INTELLIGENCE_SERVICE))
                .expectEvents(recorded(PanelDecision.ESCALATE_TO_SECURITY, SecurityDestination.INTELLIGENCE_SERVICE),
                        new AssessmentEscalatedToSecurity(CASE, DISTRICT, fixture.currentTime(),
                                "decided at panel meeting " + MEETING, ATTENDEE,
                                SecurityDestination.INTELLIGENCE_SERVICE));
    }

    @Test
    void anEscalationWithoutADestinationIsRefused() {
        fixture.given(opened())
                .when(decide(MEETING_VIEW, PanelDecision.ESCALATE_TO_SECURITY, ATTENDEE, null))
                .expectException(invalid("escalatedTo", "is required"))
                .expectNoEvents();
    }

    @Test
    void aCaseNotOnTheAgendaGetsNoDecision() {
        fixture.given(opened())
                .when(decide(meeting(DISTRICT, List.of(OTHER_CASE)), PanelDecision.CONTINUE_ASSESSMENT, ATTENDEE,
                        null))
                .expectException(invalid("caseId", "not on the agenda"))
                .expectNoEvents();
    }

    @Test
    void aMeetingOfAnotherDistrictDecidesNothingAboutTheCase() {
        fixture.given(opened())
                .when(decide(meeting("dk-nordjylland", List.of(CASE)), PanelDecision.CONTINUE_ASSESSMENT, ATTENDEE,
                        null))
                .expectException(invalid("caseId", "not on the agenda"))
                .expectNoEvents();
    }

    @Test
    void onlyAnAttendeeRecordsADecision() {
        fixture.given(opened())
                .when(decide(MEETING_VIEW, PanelDecision.CONTINUE_ASSESSMENT, "member-social-not-invited", null))
                .expectException(forbiddenNaming("attendees"))
                .expectNoEvents();
    }

    @Test
    void aConcludedAssessmentTakesNoFurtherDecision() {
        fixture.given(opened(), recorded(PanelDecision.CONCLUDE_NO_FURTHER_ACTION, null),
                        new AssessmentConcludedNoFurtherAction(CASE, DISTRICT, fixture.currentTime(),
                                "decided at panel meeting " + MEETING, ATTENDEE))
                .when(decide(MEETING_VIEW, PanelDecision.CONTINUE_ASSESSMENT, ATTENDEE, null))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    private static MeetingView meeting(String district, List<UUID> agenda) {
        return new MeetingView(MEETING, district, Instant.parse("2031-06-02T09:00:00Z"), List.of(
                new MeetingAttendee(ATTENDEE, Agency.SOCIAL_SERVICES), new MeetingAttendee("member-police",
                        Agency.POLICE)), agenda, "member-police", Instant.parse("2031-05-20T09:00:00Z"), 0);
    }

    private static RecordPanelDecision decide(MeetingView meeting, PanelDecision decision, String decidedBy,
                                              SecurityDestination escalatedTo) {
        return new RecordPanelDecision(CASE, meeting, decision, RATIONALE, escalatedTo, decidedBy);
    }

    private PanelDecisionRecorded recorded(PanelDecision decision, SecurityDestination escalatedTo) {
        return new PanelDecisionRecorded(CASE, DISTRICT, fixture.currentTime(), MEETING, decision, RATIONALE,
                ATTENDEE, escalatedTo);
    }

    private AssessmentOpened opened() {
        return new AssessmentOpened(CASE, DISTRICT, fixture.currentTime(), "sub-d7", "dk-infohouse", 1,
                List.of(Agency.POLICE, Agency.SOCIAL_SERVICES), Instant.parse("2031-07-01T00:00:00Z"));
    }
}
