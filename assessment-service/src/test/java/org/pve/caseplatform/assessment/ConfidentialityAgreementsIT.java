package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Confidentiality agreements in a CPRAF district (fr-01): a panel member sees and contributes to an assessment only
 * while an agreement of theirs is on record; they record and expire their own, the data protection officer anyone's,
 * and the schedule ends one whose time has passed. In an Info-house district (dk-fyn) none is needed.
 */
class ConfidentialityAgreementsIT extends AssessmentItSupport {

    private static final String FR = "fr-01";
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String PREFECTURE = panel(Agency.PREFECTURE, FR);
    private static final String POLICE = panel(Agency.POLICE, FR);
    private static final String DPO = dpo(FR);

    @Test
    void aPanelMemberWithoutAnAgreementIsRefusedUntilTheyRecordOneAndAgainOnceTheyExpireIt() throws Exception {
        SecurityScreenCleared cleared = openAssessment(FR, DPO, "DATA_PROTECTION");
        UUID caseId = cleared.caseId();

        assertRefused(read(caseId, PREFECTURE, "ASSESSMENT"), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        assertRefused(get(formulations(caseId) + "/1", PREFECTURE, "ASSESSMENT"), HttpStatus.FORBIDDEN,
                "confidentialityAgreement");
        assertRefused(propose(caseId, PREFECTURE), HttpStatus.FORBIDDEN, "confidentialityAgreement");

        ResponseEntity<JsonNode> recorded = recordAgreement(caseId, PREFECTURE, null);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody().path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(recorded.getBody().path("memberId").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        assertThat(recorded.getBody().path("agency").asText()).isEqualTo("PREFECTURE");
        assertThat(recorded.getBody().path("active").asBoolean()).isTrue();
        assertThat(Instant.parse(recorded.getBody().path("validUntil").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));

        JsonNode seen = read(caseId, PREFECTURE, "ASSESSMENT").getBody();
        assertThat(seen.path("caseId").asText()).isEqualTo(caseId.toString());
        JsonNode agreement = seen.path("confidentialityAgreements").get(0);
        assertThat(agreement.path("memberId").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        assertThat(agreement.path("agency").asText()).isEqualTo("PREFECTURE");
        assertThat(agreement.path("active").asBoolean()).isTrue();
        assertThat(propose(caseId, PREFECTURE).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertRefused(endorse(caseId, 1, POLICE), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        recordAgreement(caseId, POLICE, Map.of());
        assertThat(endorse(caseId, 1, POLICE).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> expired = expireAgreement(caseId, memberId(Agency.PREFECTURE), PREFECTURE);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(expired.getBody().path("active").asBoolean()).isFalse();
        assertThat(expired.getBody().path("memberId").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        assertRefused(read(caseId, PREFECTURE, "ASSESSMENT"), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        assertRefused(propose(caseId, PREFECTURE), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        assertRefused(expireAgreement(caseId, memberId(Agency.PREFECTURE), PREFECTURE), HttpStatus.CONFLICT,
                "memberId");

        List<JsonNode> ended = events(caseId, "ConfidentialityAgreementExpired", 1);
        assertThat(ended.get(0).path("memberId").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        assertThat(ended.get(0).path("expiredBy").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        List<JsonNode> onRecord = events(caseId, "ConfidentialityAgreementRecorded", 2);
        assertThat(onRecord).extracting(e -> e.path("recordedBy").asText())
                .containsExactly(memberId(Agency.PREFECTURE), memberId(Agency.POLICE));
    }

    @Test
    void theDataProtectionOfficerReadsWithoutAnAgreement() throws Exception {
        SecurityScreenCleared cleared = openAssessment(FR, DPO, "DATA_PROTECTION");

        assertThat(read(cleared.caseId(), DPO, "DATA_PROTECTION").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void recordingAgainWhileActiveExtendsTheAgreement() throws Exception {
        UUID caseId = openAssessment(FR, DPO, "DATA_PROTECTION").caseId();
        Instant first = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(Duration.ofDays(60));

        recordAgreement(caseId, PREFECTURE, Map.of("validUntil", first.toString()));
        ResponseEntity<JsonNode> extended = recordAgreement(caseId, PREFECTURE,
                Map.of("validUntil", second.toString()));

        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode agreements = read(caseId, PREFECTURE, "ASSESSMENT").getBody().path("confidentialityAgreements");
        assertThat(agreements.size()).isEqualTo(1);
        assertThat(Instant.parse(agreements.get(0).path("validUntil").asText())).isEqualTo(second);
        assertThat(events(caseId, "ConfidentialityAgreementRecorded", 2)).hasSize(2);
    }

    @Test
    void anAgreementValidUntilThePastIsRefusedNamingTheField() throws Exception {
        UUID caseId = openAssessment(FR, DPO, "DATA_PROTECTION").caseId();

        assertRefused(recordAgreement(caseId, PREFECTURE, Map.of("validUntil", "2020-01-01T00:00:00Z")),
                HttpStatus.BAD_REQUEST, "validUntil");
    }

    @Test
    void aPanelMemberCannotExpireAnotherMembersAgreementButTheDataProtectionOfficerCan() throws Exception {
        UUID caseId = openAssessment(FR, DPO, "DATA_PROTECTION").caseId();
        recordAgreement(caseId, PREFECTURE, null);

        assertRefused(expireAgreement(caseId, memberId(Agency.PREFECTURE), POLICE), HttpStatus.FORBIDDEN,
                "memberId");
        assertThat(read(caseId, PREFECTURE, "ASSESSMENT").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> byDpo = expireAgreement(caseId, memberId(Agency.PREFECTURE), DPO);
        assertThat(byDpo.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertRefused(read(caseId, PREFECTURE, "ASSESSMENT"), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        assertRefused(expireAgreement(caseId, memberId(Agency.POLICE), DPO), HttpStatus.CONFLICT, "memberId");
    }

    @Test
    void anAgreementPastItsTimeNoLongerCountsAndTheScheduleEndsItOnce() throws Exception {
        UUID caseId = openAssessment(FR, DPO, "DATA_PROTECTION").caseId();
        recordAgreement(caseId, PREFECTURE, Map.of("validUntil", CLOCK.instant().plus(Duration.ofDays(2)).toString()));
        assertThat(read(caseId, PREFECTURE, "ASSESSMENT").getStatusCode()).isEqualTo(HttpStatus.OK);

        CLOCK.advance(Duration.ofDays(3));

        assertRefused(read(caseId, PREFECTURE, "ASSESSMENT"), HttpStatus.FORBIDDEN, "confidentialityAgreement");
        List<JsonNode> expiries = events(caseId, "ConfidentialityAgreementExpired", 1);
        assertThat(expiries).hasSize(1);
        JsonNode ended = expiries.get(0);
        assertThat(ended.path("expiredBy").asText()).isEqualTo("expiry-schedule");
        assertThat(ended.path("memberId").asText()).isEqualTo(memberId(Agency.PREFECTURE));
        // several more polls (every 300 ms) while the topic is read: the expiry fired once and stays fired
        assertThat(events(caseId, "ConfidentialityAgreementExpired", 2, Duration.ofSeconds(3))).hasSize(1);
        JsonNode agreement = read(caseId, DPO, "DATA_PROTECTION").getBody().path("confidentialityAgreements")
                .get(0);
        assertThat(agreement.path("active").asBoolean()).isFalse();
    }

    @Test
    void inAnInfoHouseDistrictNoAgreementIsNeeded() throws Exception {
        String fyn = panel(Agency.SOCIAL_SERVICES, "dk-fyn");
        UUID caseId = openAssessment("dk-fyn", fyn).caseId();

        assertThat(read(caseId, fyn, "ASSESSMENT").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(propose(caseId, fyn).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(endorse(caseId, 1, panel(Agency.POLICE, "dk-fyn")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The case's events of the type on the assessment topic, once at least {@code atLeast} are there (or time's up). */
    private static List<JsonNode> events(UUID caseId, String eventType, int atLeast) {
        return events(caseId, eventType, atLeast, PATIENCE);
    }

    private static List<JsonNode> events(UUID caseId, String eventType, int atLeast, Duration patience) {
        List<ConsumerRecord<String, String>> records = published(Topics.ASSESSMENT_EVENTS, caseId, eventType,
                found -> found.size() >= atLeast, patience);
        return records.stream().map(record -> {
            try {
                return JSON.readTree(record.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
