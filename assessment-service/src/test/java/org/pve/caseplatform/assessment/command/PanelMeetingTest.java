package org.pve.caseplatform.assessment.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.assessment.api.ScheduleMeeting;
import org.pve.caseplatform.assessment.api.ScheduleMeeting.AgendaCase;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.MeetingAttendee;
import org.pve.caseplatform.contract.assessment.PanelMeetingScheduled;

class PanelMeetingTest {

    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final String DISTRICT = "dk-fyn";
    private static final Instant HELD_ON = Instant.parse("2031-06-02T09:00:00Z");
    private static final List<MeetingAttendee> ATTENDEES = List.of(
            new MeetingAttendee("member-police", Agency.POLICE),
            new MeetingAttendee("member-social", Agency.SOCIAL_SERVICES));

    private AggregateTestFixture<PanelMeeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PanelMeeting.class);
    }

    @Test
    void aMeetingIsScheduledWithItsDateAttendeesAndAgendaKeyedByItsFirstCase() {
        fixture.givenNoPriorActivity()
                .when(schedule(ATTENDEES, List.of(inDistrict(FIRST), inDistrict(SECOND))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PanelMeetingScheduled(FIRST, DISTRICT, fixture.currentTime(), MEETING, HELD_ON,
                        ATTENDEES, List.of(FIRST, SECOND), "member-police"));
    }

    @Test
    void aCaseOfAnotherDistrictCannotBeOnTheAgenda() {
        fixture.givenNoPriorActivity()
                .when(schedule(ATTENDEES, List.of(inDistrict(FIRST), new AgendaCase(SECOND, "dk-nordjylland"))))
                .expectException(invalid("agenda[1]", "district dk-fyn"))
                .expectNoEvents();
    }

    @Test
    void aCaseWithoutAnAssessmentCannotBeOnTheAgenda() {
        fixture.givenNoPriorActivity()
                .when(schedule(ATTENDEES, List.of(new AgendaCase(FIRST, null))))
                .expectException(invalid("agenda[0]", "not the case of an assessment"))
                .expectNoEvents();
    }

    @Test
    void aCaseIsOnTheAgendaOnce() {
        fixture.givenNoPriorActivity()
                .when(schedule(ATTENDEES, List.of(inDistrict(FIRST), inDistrict(FIRST))))
                .expectException(invalid("agenda[1]", "already on the agenda"))
                .expectNoEvents();
    }

    @Test
    void aMeetingNeedsAnAgendaAndAttendees() {
        fixture.givenNoPriorActivity()
                .when(schedule(ATTENDEES, List.of()))
                .expectException(invalid("agenda", "cases are on an agenda"));
        fixture.givenNoPriorActivity()
                .when(schedule(List.of(), List.of(inDistrict(FIRST))))
                .expectException(invalid("attendees", "members attend"));
    }

    @Test
    void aMemberAttendsOnce() {
        fixture.givenNoPriorActivity()
                .when(schedule(List.of(ATTENDEES.get(0), new MeetingAttendee("member-police", Agency.HEALTH)),
                        List.of(inDistrict(FIRST))))
                .expectException(invalid("attendees[1]", "already an attendee"))
                .expectNoEvents();
    }

    @Test
    void aMeetingNeedsItsDate() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(MEETING, DISTRICT, null, ATTENDEES, List.of(inDistrict(FIRST)),
                        "member-police"))
                .expectException(invalid("heldOn", "is required"))
                .expectNoEvents();
    }

    private static ScheduleMeeting schedule(List<MeetingAttendee> attendees, List<AgendaCase> agenda) {
        return new ScheduleMeeting(MEETING, DISTRICT, HELD_ON, attendees, agenda, "member-police");
    }

    private static AgendaCase inDistrict(UUID caseId) {
        return new AgendaCase(caseId, DISTRICT);
    }
}
