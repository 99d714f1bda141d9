package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The sections a framework version declares beyond its factors, over HTTP: in a Bavarian Centre of Excellence
 * district (de-ppmp v1: CHRONOLOGY and SCENARIOS; the panel is the police alone) the life chronology comes back
 * sorted by date and decrypted, the risk scenarios with their likelihood, both travelling encrypted on Kafka; a
 * Luton assessment (uk-safeguarding v1, no sections) refuses both naming the section.
 */
class FrameworkSectionsIT extends AssessmentItSupport {

    private static final String MUENCHEN = "de-by-muenchen";
    private static final String LUTON = "uk-luton";
    private static final String POLICE = panel(Agency.POLICE, MUENCHEN);
    private static final ObjectMapper JSON = EventJson.newMapper();

    @Autowired
    PersonalDataVault vault;

    @Test
    void theChronologyComesSortedByTheDayEachEntryIsAbout() throws Exception {
        UUID caseId = openAssessment(MUENCHEN, POLICE).caseId();

        ResponseEntity<JsonNode> first = recordEntry(caseId, POLICE, "2021-06-15", "Invented: left the football club.");
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().path("agency").asText()).isEqualTo("POLICE");
        assertThat(recordEntry(caseId, POLICE, "2014-09-01", "Invented: moved to a new school.").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(recordEntry(caseId, POLICE, "2019-02-10", "Invented: parents separated.").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        JsonNode chronology = read(caseId, POLICE, "ASSESSMENT").getBody().path("chronology");
        assertThat(chronology.findValuesAsText("happenedOn")).containsExactly("2014-09-01", "2019-02-10",
                "2021-06-15");
        assertThat(chronology.findValuesAsText("entry")).containsExactly("Invented: moved to a new school.",
                "Invented: parents separated.", "Invented: left the football club.");
        assertThat(chronology.get(0).path("agency").asText()).isEqualTo("POLICE");
        assertThat(chronology.get(0).path("recordedBy").asText()).isEqualTo(memberId(Agency.POLICE));

        List<ConsumerRecord<String, String>> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "ChronologyEntryRecorded", found -> found.size() >= 3);
        assertThat(published).hasSize(3);
        JsonNode event = JSON.readTree(published.get(0).value());
        assertThat(event.path("happenedOn").asText()).isEqualTo("2021-06-15");
        assertThat(event.path("districtId").asText()).isEqualTo(MUENCHEN);
        assertThat(event.path("entry").path("ciphertext").asText()).isNotBlank();
        assertThat(published).allSatisfy(record -> assertThat(record.value()).doesNotContain("Invented:"));
    }

    @Test
    void anEntryDatedInTheFutureOrUnreadableIsRefusedNamingHappenedOnAndNothingIsStored() throws Exception {
        UUID caseId = openAssessment(MUENCHEN, POLICE).caseId();
        long before = read(caseId, POLICE, "ASSESSMENT").getBody().path("version").asLong();

        String dayAfterTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        assertRefused(recordEntry(caseId, POLICE, dayAfterTomorrow, "Invented: a day yet to come."),
                HttpStatus.BAD_REQUEST, "happenedOn");
        assertRefused(recordEntry(caseId, POLICE, "2019-13-01", "Invented: no such month."),
                HttpStatus.BAD_REQUEST, "happenedOn");
        assertRefused(recordEntry(caseId, POLICE, null, "Invented: undated."), HttpStatus.BAD_REQUEST,
                "happenedOn");

        JsonNode after = read(caseId, POLICE, "ASSESSMENT").getBody();
        assertThat(after.path("chronology").isEmpty()).isTrue();
        assertThat(after.path("version").asLong()).isEqualTo(before);
    }

    @Test
    void riskScenariosComeWithTheirLikelihoodAndOneAboveThreeIsRefused() throws Exception {
        UUID caseId = openAssessment(MUENCHEN, POLICE).caseId();

        ResponseEntity<JsonNode> described = describe(caseId, POLICE, "Invented: travels to a rally abroad.", 2);
        assertThat(described.getStatusCode()).as("%s", described.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(describe(caseId, POLICE, "Invented: recruits a younger cousin.", 1).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertRefused(describe(caseId, POLICE, "Invented: beyond the scale.", 4), HttpStatus.BAD_REQUEST,
                "likelihood");

        JsonNode scenarios = read(caseId, POLICE, "ASSESSMENT").getBody().path("riskScenarios");
        assertThat(scenarios.findValuesAsText("scenario")).containsExactly("Invented: travels to a rally abroad.",
                "Invented: recruits a younger cousin.");
        assertThat(scenarios.findValuesAsText("likelihood")).containsExactly("2", "1");
        assertThat(scenarios.get(0).path("describedBy").asText()).isEqualTo(memberId(Agency.POLICE));

        ConsumerRecord<String, String> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "RiskScenarioDescribed", found -> found.size() >= 2).get(0);
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("likelihood").asInt()).isEqualTo(2);
        assertThat(event.path("scenario").path("ciphertext").asText()).isNotBlank();
        assertThat(published.value()).doesNotContain("rally abroad");
    }

    @Test
    void aLutonAssessmentHasNeitherChronologyNorScenarios() throws Exception {
        String socialWorker = panel(Agency.SOCIAL_SERVICES, LUTON);
        UUID caseId = openAssessment(LUTON, socialWorker).caseId();

        ResponseEntity<JsonNode> entry = recordEntry(caseId, socialWorker, "2019-02-10", "Invented: a Luton entry.");
        assertRefused(entry, HttpStatus.BAD_REQUEST, "section");
        assertThat(entry.getBody().path("errors").get(0).path("reason").asText())
                .contains("uk-safeguarding v1 has no CHRONOLOGY section");
        assertRefused(describe(caseId, socialWorker, "Invented: a Luton scenario.", 1), HttpStatus.BAD_REQUEST,
                "section");

        JsonNode assessment = read(caseId, socialWorker, "ASSESSMENT").getBody();
        assertThat(assessment.path("chronology").isEmpty()).isTrue();
        assertThat(assessment.path("riskScenarios").isEmpty()).isTrue();
    }

    @Test
    void onceThePersonsKeyIsDestroyedTheEntriesKeepTheirDatesButLoseTheirText() throws Exception {
        SecurityScreenCleared cleared = openAssessment(MUENCHEN, POLICE);
        UUID caseId = cleared.caseId();
        recordEntry(caseId, POLICE, "2016-03-01", "Invented: first contact with the group.");
        describe(caseId, POLICE, "Invented: leaves home to join the group.", 3);

        vault.destroy(PersonalDataKeys.keyRefFor(cleared.subjectRef(), caseId));

        JsonNode assessment = read(caseId, POLICE, "ASSESSMENT").getBody();
        JsonNode entry = assessment.path("chronology").get(0);
        assertThat(entry.path("happenedOn").asText()).isEqualTo("2016-03-01");
        assertThat(entry.path("entry").isNull() || entry.path("entry").isMissingNode()).as("%s", entry).isTrue();
        JsonNode scenario = assessment.path("riskScenarios").get(0);
        assertThat(scenario.path("likelihood").asInt()).isEqualTo(3);
        assertThat(scenario.path("scenario").isNull() || scenario.path("scenario").isMissingNode())
                .as("%s", scenario).isTrue();
    }

    private ResponseEntity<JsonNode> recordEntry(UUID caseId, String token, String happenedOn, String entry) {
        Map<String, Object> body = new HashMap<>();
        body.put("happenedOn", happenedOn);
        body.put("entry", entry);
        return post("/assessments/" + caseId + "/chronology", token, body);
    }

    private ResponseEntity<JsonNode> describe(UUID caseId, String token, String scenario, int likelihood) {
        return post("/assessments/" + caseId + "/scenarios", token, Map.of("scenario", scenario,
                "likelihood", likelihood));
    }
}
