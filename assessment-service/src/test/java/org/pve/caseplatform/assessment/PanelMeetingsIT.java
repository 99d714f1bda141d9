package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Panel meetings over HTTP in an Info-house district (dk-fyn: police and social services on the panel): a meeting
 * scheduled with attendees and an agenda, a case's pre-read served to the attendees only (a panel member of the same
 * agency and district who does not attend gets the 404 of a meeting that does not exist), decisions recorded on the
 * case, shown on its assessment and published, a conclusion that ends the assessment, and bad input refused naming
 * the field with nothing stored.
 */
class PanelMeetingsIT extends AssessmentItSupport {

    private static final String FYN = "dk-fyn";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String POLICE = panel(Agency.POLICE, FYN);
    private static final String SOCIAL = panel(Agency.SOCIAL_SERVICES, FYN);
    private static final String OTHER_POLICE_MEMBER = "panel-member-police-not-invited";
    private static final String NOT_INVITED = "Bearer " + TestTokens.token(Role.PANEL_MEMBER, Agency.POLICE,
            claims -> claims.subject(OTHER_POLICE_MEMBER), FYN);
    private static final String RATIONALE = "Invented: the family asked for time to find a mentor.";

    @Test
    void anAttendeeReadsTheCasesPreReadAndANonAttendeeOfTheSameAgencyGetsNotFound() throws Exception {
        UUID caseId = openAssessment(FYN, POLICE).caseId();
        UUID meetingId = scheduled(caseId);

        JsonNode meeting = get("/meetings/" + meetingId, SOCIAL, null).getBody();
        assertThat(meeting.path("districtId").asText()).isEqualTo(FYN);
        assertThat(meeting.path("heldOn").asText()).isEqualTo("2031-06-02T09:00:00Z");
        assertThat(meeting.path("attendees").findValuesAsText("memberId"))
                .containsExactly(memberId(Agency.POLICE), memberId(Agency.SOCIAL_SERVICES));
        assertThat(texts(meeting.path("agenda"))).containsExactly(caseId.toString());

        ResponseEntity<JsonNode> preRead = get(preRead(meetingId, caseId), SOCIAL, "ASSESSMENT");
        assertThat(preRead.getStatusCode()).as("%s", preRead.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(preRead.getBody().path("meetingId").asText()).isEqualTo(meetingId.toString());
        assertThat(preRead.getBody().path("assessment").path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(preRead.getBody().path("assessment").path("stage").asText()).isEqualTo("OPEN");

        assertThat(read(caseId, NOT_INVITED, "ASSESSMENT").getStatusCode())
                .as("the non-attendee may read the assessment itself").isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> hidden = get(preRead(meetingId, caseId), NOT_INVITED, "ASSESSMENT");
        UUID unknownMeeting = UUID.randomUUID();
        ResponseEntity<JsonNode> unknown = get(preRead(unknownMeeting, caseId), NOT_INVITED, "ASSESSMENT");
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hidden.getBody().toString().replace(meetingId.toString(), "<id>"))
                .isEqualTo(unknown.getBody().toString().replace(unknownMeeting.toString(), "<id>"));
        assertRefused(get(preRead(meetingId, caseId), SOCIAL, null), HttpStatus.BAD_REQUEST, "X-Purpose");

        List<ConsumerRecord<String, String>> logged = published(Topics.ACCESS_LOG, caseId, "CaseRecordAccessed",
                found -> found.stream().anyMatch(r -> r.value().contains("meeting-pre-read")));
        JsonNode entry = JSON.readTree(logged.stream().filter(r -> r.value().contains("meeting-pre-read"))
                .findFirst().orElseThrow().value());
        assertThat(entry.path("who").asText()).isEqualTo(memberId(Agency.SOCIAL_SERVICES));
        assertThat(entry.path("purpose").asText()).isEqualTo("ASSESSMENT");
        assertThat(logged).as("the refused pre-read is not logged as a read")
                .noneMatch(r -> r.value().contains(OTHER_POLICE_MEMBER) && r.value().contains("meeting-pre-read"));
    }

    @Test
    void aDecisionIsRecordedOnTheCaseShownOnItsAssessmentAndPublishedEncrypted() throws Exception {
        UUID caseId = openAssessment(FYN, POLICE).caseId();
        UUID meetingId = scheduled(caseId);

        ResponseEntity<JsonNode> decided = decide(meetingId, SOCIAL, caseId, "REQUEST_INFORMATION", null);
        assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(decided.getBody().path("stage").asText()).isEqualTo("OPEN");

        JsonNode decisions = read(caseId, POLICE, "ASSESSMENT").getBody().path("panelDecisions");
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).path("meetingId").asText()).isEqualTo(meetingId.toString());
        assertThat(decisions.get(0).path("decision").asText()).isEqualTo("REQUEST_INFORMATION");
        assertThat(decisions.get(0).path("rationale").asText()).isEqualTo(RATIONALE);
        assertThat(decisions.get(0).path("decidedBy").asText()).isEqualTo(memberId(Agency.SOCIAL_SERVICES));

        ConsumerRecord<String, String> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "PanelDecisionRecorded", found -> !found.isEmpty()).get(0);
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("meetingId").asText()).isEqualTo(meetingId.toString());
        assertThat(event.path("decision").asText()).isEqualTo("REQUEST_INFORMATION");
        assertThat(event.path("rationale").path("ciphertext").asText()).isNotBlank();
        assertThat(published.value()).doesNotContain("find a mentor");
        JsonNode scheduled = JSON.readTree(published(Topics.ASSESSMENT_EVENTS, caseId, "PanelMeetingScheduled",
                found -> !found.isEmpty()).get(0).value());
        assertThat(scheduled.path("meetingId").asText()).isEqualTo(meetingId.toString());
    }

    @Test
    void aConclusionEndsTheAssessmentAsTheConclusionEndpointDoes() throws Exception {
        UUID caseId = openAssessment(FYN, POLICE).caseId();
        UUID meetingId = scheduled(caseId);

        ResponseEntity<JsonNode> concluded = decide(meetingId, POLICE, caseId, "CONCLUDE_NO_FURTHER_ACTION", null);
        assertThat(concluded.getStatusCode()).as("%s", concluded.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(concluded.getBody().path("stage").asText()).isEqualTo("CONCLUDED_NO_FURTHER_ACTION");

        JsonNode assessment = read(caseId, POLICE, "ASSESSMENT").getBody();
        assertThat(assessment.path("stage").asText()).isEqualTo("CONCLUDED_NO_FURTHER_ACTION");
        assertThat(assessment.path("ending").path("decidedBy").asText()).isEqualTo(memberId(Agency.POLICE));
        assertThat(published(Topics.ASSESSMENT_EVENTS, caseId, "AssessmentConcludedNoFurtherAction",
                found -> !found.isEmpty())).hasSize(1);
        assertRefused(decide(meetingId, SOCIAL, caseId, "CONTINUE_ASSESSMENT", null), HttpStatus.CONFLICT, "stage");
        assertThat(read(caseId, POLICE, "ASSESSMENT").getBody().path("panelDecisions")).hasSize(1);
    }

    @Test
    void anAgendaOfUnknownCasesOrCasesOfAnotherDistrictIsRefusedNamingTheCase() throws Exception {
        UUID caseId = openAssessment(FYN, POLICE).caseId();
        UUID lutonCase = openAssessment("uk-luton", panel(Agency.SOCIAL_SERVICES, "uk-luton")).caseId();

        assertRefused(schedule(POLICE, List.of(caseId, UUID.randomUUID())), HttpStatus.BAD_REQUEST, "agenda[1]");
        ResponseEntity<JsonNode> otherDistrict = schedule(POLICE, List.of(lutonCase));
        assertRefused(otherDistrict, HttpStatus.BAD_REQUEST, "agenda[0]");
        assertThat(otherDistrict.getBody().toString()).contains("not the case of an assessment in district dk-fyn");
        assertRefused(schedule(POLICE, List.of(caseId, caseId)), HttpStatus.BAD_REQUEST, "agenda[1]");

        Map<String, Object> undated = meetingBody(List.of(caseId));
        undated.remove("heldOn");
        assertRefused(post("/meetings", POLICE, undated), HttpStatus.BAD_REQUEST, "heldOn");
        assertThat(post("/meetings", panel(Agency.POLICE, "uk-luton"), meetingBody(List.of(caseId)))
                .getStatusCode()).as("a district the caller does not work in").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/meetings", TestTokens.bearer(Role.POLICE_SCREENER, Agency.POLICE, FYN),
                meetingBody(List.of(caseId))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDecisionByANonAttendeeOrAboutACaseOffTheAgendaIsRefusedAndNothingIsRecorded() throws Exception {
        UUID caseId = openAssessment(FYN, POLICE).caseId();
        UUID offAgenda = openAssessment(FYN, POLICE).caseId();
        UUID meetingId = scheduled(caseId);

        ResponseEntity<JsonNode> notInvited = decide(meetingId, NOT_INVITED, caseId, "CONTINUE_ASSESSMENT", null);
        assertRefused(notInvited, HttpStatus.FORBIDDEN, "attendees");
        assertRefused(decide(meetingId, SOCIAL, offAgenda, "CONTINUE_ASSESSMENT", null), HttpStatus.BAD_REQUEST,
                "caseId");
        assertRefused(decide(meetingId, SOCIAL, caseId, "ESCALATE_TO_SECURITY", null), HttpStatus.BAD_REQUEST,
                "escalatedTo");
        assertRefused(decide(meetingId, SOCIAL, caseId, "ADJOURN_FOREVER", null), HttpStatus.BAD_REQUEST,
                "decision");

        JsonNode assessment = read(caseId, POLICE, "ASSESSMENT").getBody();
        assertThat(assessment.path("panelDecisions").isEmpty()).isTrue();
        assertThat(assessment.path("stage").asText()).isEqualTo("OPEN");
        assertThat(read(offAgenda, POLICE, "ASSESSMENT").getBody().path("panelDecisions").isEmpty()).isTrue();
    }

    private UUID scheduled(UUID caseId) {
        ResponseEntity<JsonNode> scheduled = schedule(POLICE, List.of(caseId));
        assertThat(scheduled.getStatusCode()).as("%s", scheduled.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(scheduled.getHeaders().getLocation()).hasToString("/meetings/"
                + scheduled.getBody().path("meetingId").asText());
        return UUID.fromString(scheduled.getBody().path("meetingId").asText());
    }

    private ResponseEntity<JsonNode> schedule(String token, List<UUID> agenda) {
        return post("/meetings", token, meetingBody(agenda));
    }

    private static Map<String, Object> meetingBody(List<UUID> agenda) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtId", FYN);
        body.put("heldOn", "2031-06-02T09:00:00Z");
        body.put("attendees", List.of(Map.of("memberId", memberId(Agency.POLICE), "agency", "POLICE"),
                Map.of("memberId", memberId(Agency.SOCIAL_SERVICES), "agency", "SOCIAL_SERVICES")));
        body.put("agenda", agenda);
        return body;
    }

    private ResponseEntity<JsonNode> decide(UUID meetingId, String token, UUID caseId, String decision,
                                            String escalatedTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId);
        body.put("decision", decision);
        body.put("rationale", RATIONALE);
        if (escalatedTo != null) {
            body.put("escalatedTo", escalatedTo);
        }
        return post("/meetings/" + meetingId + "/decisions", token, body);
    }

    private static String preRead(UUID meetingId, UUID caseId) {
        return "/meetings/" + meetingId + "/cases/" + caseId + "/pre-read";
    }
}
