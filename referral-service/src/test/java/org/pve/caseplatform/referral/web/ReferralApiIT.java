package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** referral-service on a real broker and MongoDB-wire server, driven over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "referral");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Value("${spring.data.mongodb.database}")
    String database;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAgencyReferralIsPublishedKeyedByItsCaseWithItsPersonalFieldsEncrypted() {
        Answer accepted = post("/referrals", referral("AGENCY", "ext-" + UUID.randomUUID()));
        String caseId = accepted.body().get("caseId").asText();

        List<ConsumerRecord<String, String>> records = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS,
                record -> caseId.equals(record.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(records).hasSize(1);
        assertThat(TopicReader.header(records.get(0), EventHeaders.EVENT_TYPE)).isEqualTo("ReferralReceived");
        assertThat(records.get(0).value()).doesNotContain("Noor", "Invented", "2008-06-01", "leaflets")
                .contains("\"ciphertext\"", "\"subjectRef\":\"sub-");
    }

    @Test
    void theScreenerSeesTheDecryptedReferralAndItsDecision() {
        String referralId = post("/referrals", referral("AGENCY", null)).body().get("referralId").asText();

        Answer screened = postAsScreener("/referrals/" + referralId + "/screening", Map.of("decision", "ESCALATE",
                "rationale", "Imminent risk", "escalatedTo", "INTELLIGENCE_SERVICE"));

        assertThat(screened.status()).isEqualTo(200);
        JsonNode view = getAsScreener("/referrals/" + referralId).body();
        assertThat(view.get("subject").get("givenNames").asText()).isEqualTo("Noor");
        assertThat(view.get("concernSummary").asText()).contains("leaflets");
        assertThat(view.get("stage").asText()).isEqualTo("ESCALATED_TO_SECURITY");
        assertThat(view.get("screening").get("escalatedTo").asText()).isEqualTo("INTELLIGENCE_SERVICE");
    }

    @Test
    void aResentReferralWithTheSameExternalReferenceCreatesNothingNew() {
        String reference = "ext-" + UUID.randomUUID();
        Answer first = post("/referrals", referral("AGENCY", reference));
        long stored = storedEvents();

        Answer again = post("/referrals", referral("AGENCY", reference));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("referralId")).isEqualTo(first.body().get("referralId"));
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void aResendAfterAnAttemptThatDiedBetweenItsClaimAndItsRecordRecordsTheReferralOnce() {
        String reference = "ext-" + UUID.randomUUID();
        UUID claimedReferral = UUID.randomUUID();
        UUID claimedCase = UUID.randomUUID();
        mongo.getDatabase(database).getCollection("external_references").insertOne(
                new org.bson.Document("_id", reference).append("referralId", claimedReferral)
                        .append("caseId", claimedCase));
        long stored = storedEvents();

        Answer resent = post("/referrals", referral("AGENCY", reference));
        Answer again = post("/referrals", referral("AGENCY", reference));

        assertThat(resent.body().get("referralId").asText()).isEqualTo(claimedReferral.toString());
        assertThat(again.body().get("referralId").asText()).isEqualTo(claimedReferral.toString());
        assertThat(storedEvents()).isEqualTo(stored + 1);
        assertThat(getAsScreener("/referrals/" + claimedReferral).body().get("caseId").asText())
                .isEqualTo(claimedCase.toString());
    }

    @ParameterizedTest
    @CsvSource({"HELPLINE, false", "ONLINE_FORM, false", "SELF_REFERRAL, false", "AGENCY, true"})
    void everyHttpChannelIsReceivedAndOnlyAnAgencyLearnsTheCase(String channel, boolean seesCase) {
        Map<String, Object> body = referral(channel, null);
        if (channel.equals("SELF_REFERRAL")) {
            body.put("referrerAgency", "SELF");
        }
        if (channel.equals("ONLINE_FORM")) {
            body.remove("subject");
        }

        Answer accepted = post("/referrals", body);
        String referralId = accepted.body().get("referralId").asText();
        JsonNode view = getAsScreener("/referrals/" + referralId).body();
        List<ConsumerRecord<String, String>> records = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS,
                record -> record.value().contains(referralId), found -> !found.isEmpty(), Duration.ofSeconds(30));

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().has("caseId")).isEqualTo(seesCase);
        assertThat(view.get("channel").asText()).isEqualTo(channel);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("\"channel\":\"" + channel + "\"");
    }

    @Test
    void aPublicReferrerLearnsTheReferralIdOnly() {
        Answer accepted = post("/referrals", referral("HELPLINE", null));

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().has("referralId")).isTrue();
        assertThat(accepted.body().has("caseId")).isFalse();
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndStoresNothing() {
        long stored = storedEvents();
        Map<String, Object> unknownDistrict = new java.util.HashMap<>(referral("AGENCY", null));
        unknownDistrict.put("districtId", "xx-nowhere");
        Map<String, Object> missingSummary = new java.util.HashMap<>(referral("AGENCY", null));
        missingSummary.remove("concernSummary");

        assertProblem(post("/referrals", unknownDistrict), 400, "districtId");
        assertProblem(post("/referrals", missingSummary), 400, "concernSummary");
        assertProblem(post("/referrals", "{\"channel\":\"PIGEON\"}"), 400, "channel");
        assertProblem(post("/referrals", "{not json"), 400, "body");
        assertProblem(postAsScreener("/referrals/not-a-uuid/screening", Map.of()), 400, "referralId");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void aDecisionTheStageDoesNotAllowIsAConflictAndAnUnknownReferralIsNotFound() {
        String referralId = post("/referrals", referral("AGENCY", null)).body().get("referralId").asText();
        Map<String, String> close = Map.of("decision", "CLOSE",
                "rationale", "Misunderstanding", "reason", "NO_CONCERN");
        postAsScreener("/referrals/" + referralId + "/screening", close);
        long stored = storedEvents();

        assertProblem(postAsScreener("/referrals/" + referralId + "/screening", close), 409, "decision");
        assertProblem(postAsScreener("/referrals/" + UUID.randomUUID() + "/screening", close), 404, "id");
        assertProblem(postAsScreener("/referrals/" + referralId + "/screening", Map.of("decision", "ESCALATE",
                "rationale", "risk")), 400, "escalatedTo");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    private Map<String, Object> referral(String channel, String externalReference) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "channel", channel,
                "referrerAgency", channel.equals("AGENCY") ? "EDUCATION" : "PUBLIC",
                "districtId", "dk-fyn",
                "municipalityId", "0461",
                "subject", Map.of("givenNames", "Noor", "dateOfBirth", "2008-06-01",
                        // a person of its own each time: a second referral about one person joins the first's case
                        "familyName", "Invented-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "")),
                "ageBand", "16_17",
                "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Hands out extremist leaflets at school"));
        if (externalReference != null) {
            body.put("externalReference", externalReference);
        }
        return body;
    }

    private long storedEvents() {
        return mongo.getDatabase(database).getCollection("domainevents").countDocuments();
    }

    private void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body().get("errors").findValuesAsText("field")).contains(field);
    }

    private record Answer(int status, String contentType, JsonNode body) {
    }

    /** A referral as its referrer sends it: an agency's signed in, the public's without a token. */
    private Answer post(String path, Object body) {
        return exchange(RestClient.create("http://localhost:" + port).post().uri(path)
                .headers(headers -> {
                    if (body instanceof Map<?, ?> map && "AGENCY".equals(map.get("channel"))) {
                        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.REFERRER,
                                Agency.valueOf(String.valueOf(map.get("referrerAgency"))), "dk-fyn"));
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /** Screening is the police screener's, in the district of these referrals. */
    private Answer postAsScreener(String path, Object body) {
        return exchange(RestClient.create("http://localhost:" + port).post().uri(path)
                .headers(ReferralApiIT::policeScreener).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    private Answer getAsScreener(String path) {
        return exchange(RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(ReferralApiIT::policeScreener).header(AccessPolicy.PURPOSE_HEADER, "SCREENING"));
    }

    private static void policeScreener(HttpHeaders headers) {
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.POLICE_SCREENER, Agency.POLICE, "dk-fyn"));
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> {
            HttpStatusCode status = response.getStatusCode();
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            String type = response.getHeaders().getContentType() == null ? ""
                    : response.getHeaders().getContentType().toString();
            return new Answer(status.value(), type, node);
        });
    }
}
