package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.referral.web.ReferralClient.POLICE_OFFICER;
import static org.pve.caseplatform.referral.web.ReferralClient.POLICE_SCREENER;
import static org.pve.caseplatform.referral.web.ReferralClient.PUBLIC;
import static org.pve.caseplatform.referral.web.ReferralClient.SOCIAL_WORKER;
import static org.pve.caseplatform.referral.web.ReferralClient.clear;
import static org.pve.caseplatform.referral.web.ReferralClient.close;
import static org.pve.caseplatform.referral.web.ReferralClient.escalate;

import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;
import org.pve.caseplatform.referral.web.ReferralClient.As;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The police screen over HTTP: who may decide, what each outcome does, sealing and the hand-back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityScreeningIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "referral-screening");
        registry.add("referral.case-index.group", () -> "referral-screening-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Value("${spring.data.mongodb.database}")
    String database;

    private ReferralClient client;

    @BeforeEach
    void setUp() {
        client = new ReferralClient(port);
    }

    @Test
    void onlyAPoliceScreenerMayScreenAndAnyoneElseIsForbidden() {
        String referralId = client.refer(referral());
        long stored = storedEvents();

        for (As caller : new As[] {SOCIAL_WORKER, POLICE_OFFICER, ReferralClient.PANEL_MEMBER,
                ReferralClient.DATA_PROTECTION_OFFICER}) {
            Answer refused = client.screen(referralId, clear(), caller);
            assertThat(refused.status()).as(String.valueOf(caller)).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(refused.errorFields()).contains("caller");
        }
        Answer anonymous = client.screen(referralId, clear(), PUBLIC);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorFields()).contains("Authorization");
        assertProblem(client.screen(referralId, Map.of("decision", "CLEAR", "screenedBy", "screener-amara",
                "rationale", "In someone else's name"), POLICE_SCREENER), 400, "screenedBy");
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(client.screen(referralId, clear(), POLICE_SCREENER).body().get("stage").asText())
                .isEqualTo("CLEARED");
    }

    @Test
    void aClearedReferralGoesOnAndAClosedOneKeepsItsReason() {
        String cleared = client.refer(referral());
        String closed = client.refer(referral());

        Answer clearing = client.screen(cleared, clear(), POLICE_SCREENER);
        Answer closing = client.screen(closed, close("INSUFFICIENT_INFORMATION"), POLICE_SCREENER);

        assertThat(clearing.status()).isEqualTo(200);
        assertThat(clearing.body().get("stage").asText()).isEqualTo("CLEARED");
        assertThat(clearing.body().get("channelLiaison").asBoolean()).isFalse();
        assertThat(closing.body().get("stage").asText()).isEqualTo("CLOSED_NO_FURTHER_ACTION");
        assertThat(closing.body().get("screening").get("reason").asText()).isEqualTo("INSUFFICIENT_INFORMATION");
        assertThat(eventTypes(cleared)).containsExactly("ReferralReceived", "SecurityScreenCleared");
        assertThat(eventTypes(closed)).containsExactly("ReferralReceived", "ReferralClosedNoFurtherAction");
    }

    @Test
    void aChannelLiaisonIsRecordedAndTheCaseGoesOnInSafeguardingUnsealed() {
        String referralId = client.refer(referral());

        Answer liaison = client.screen(referralId, escalate("CHANNEL_PANEL"), POLICE_SCREENER);

        assertThat(liaison.status()).isEqualTo(200);
        assertThat(liaison.body().get("stage").asText()).isEqualTo("CLEARED");
        assertThat(liaison.body().get("channelLiaison").asBoolean()).isTrue();
        assertThat(liaison.body().get("screening").get("escalatedTo").asText()).isEqualTo("CHANNEL_PANEL");
        assertThat(client.get("/referrals/" + referralId, SOCIAL_WORKER).status()).isEqualTo(200);
        List<ConsumerRecord<String, String>> events = events(caseOf(referralId), 3);
        assertThat(events).extracting(record -> TopicReader.header(record, EventHeaders.EVENT_TYPE))
                .containsExactly("ReferralReceived", "ReferralEscalatedToSecurity", "SecurityScreenCleared");
        assertThat(events.get(1).value()).contains("\"escalatedTo\":\"CHANNEL_PANEL\"");
        assertThat(events.get(2).value()).contains("Channel liaison");
    }

    @Test
    void aSealedReferralExistsOnlyForThePolice() {
        String referralId = client.refer(referral());
        assertThat(client.get("/referrals/" + referralId, SOCIAL_WORKER).status()).isEqualTo(200);

        client.screen(referralId, escalate("INTELLIGENCE_SERVICE"), POLICE_SCREENER);

        Answer police = client.get("/referrals/" + referralId, POLICE_SCREENER);
        assertThat(police.status()).isEqualTo(200);
        assertThat(police.body().get("stage").asText()).isEqualTo("ESCALATED_TO_SECURITY");
        assertThat(police.body().get("subject").get("familyName").asText()).startsWith("Okonkwo-Invented");
        Answer missing = client.get("/referrals/" + UUID.randomUUID(), SOCIAL_WORKER);
        Answer hidden = client.get("/referrals/" + referralId, SOCIAL_WORKER);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).isEqualTo(missing.contentType());
        assertThat(hidden.withoutInstance()).isEqualTo(missing.withoutInstance());
        assertThat(hidden.withoutInstance().toString()).doesNotContain(referralId, "Okonkwo", "ESCALATED");
        assertThat(client.get("/referrals/" + referralId, PUBLIC).status()).isEqualTo(401);
    }

    @Test
    void thePublicNeverReadsAReferralBack() {
        String referralId = client.refer(referral());
        As self = new As(Role.REFERRER, Agency.SELF, "*");
        Answer missing = client.get("/referrals/" + UUID.randomUUID(), self);

        Answer anonymous = client.get("/referrals/" + referralId, PUBLIC);
        Answer selfReferrer = client.get("/referrals/" + referralId, self);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(selfReferrer.status()).isEqualTo(404);
        assertThat(selfReferrer.withoutInstance()).isEqualTo(missing.withoutInstance());
        assertThat(client.get("/referrals/" + referralId, SOCIAL_WORKER).status()).isEqualTo(200);
    }

    @Test
    void aSealedReferralHandedBackResumesItsScreeningAndIsVisibleAgain() {
        String referralId = client.refer(referral());
        client.screen(referralId, escalate("POLICE_INVESTIGATION"), POLICE_SCREENER);

        Answer byOutsider = client.post("/referrals/" + referralId + "/return", handBack(), SOCIAL_WORKER);
        Answer byPoliceCaseOwner = client.post("/referrals/" + referralId + "/return", handBack(), POLICE_OFFICER);
        Answer returned = client.post("/referrals/" + referralId + "/return", handBack(), POLICE_SCREENER);

        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byPoliceCaseOwner.status()).isEqualTo(403);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.body().get("stage").asText()).isEqualTo("AWAITING_SCREENING");
        assertThat(returned.body().has("screening")).isFalse();
        assertThat(client.get("/referrals/" + referralId, SOCIAL_WORKER).status()).isEqualTo(200);
        Answer cleared = client.screen(referralId, clear(), POLICE_SCREENER);
        assertThat(cleared.body().get("stage").asText()).isEqualTo("CLEARED");
        assertThat(eventTypes(referralId)).containsExactly("ReferralReceived",
                "ReferralEscalatedToSecurity", "CaseReturnedFromSecurity", "SecurityScreenCleared");
    }

    @Test
    void onlyASealedReferralCanBeHandedBack() {
        String waiting = client.refer(referral());
        String liaison = client.refer(referral());
        client.screen(liaison, escalate("CHANNEL_PANEL"), POLICE_SCREENER);
        String sealed = client.refer(referral());
        client.screen(sealed, escalate("INTELLIGENCE_SERVICE"), POLICE_SCREENER);
        long stored = storedEvents();

        assertProblem(client.post("/referrals/" + waiting + "/return", handBack(), POLICE_SCREENER), 409,
                "referralId");
        assertProblem(client.post("/referrals/" + liaison + "/return", handBack(), POLICE_SCREENER), 409,
                "referralId");
        assertProblem(client.post("/referrals/" + UUID.randomUUID() + "/return", handBack(), POLICE_SCREENER), 404,
                "id");
        assertProblem(client.post("/referrals/" + sealed + "/return", Map.of(), POLICE_SCREENER), 400,
                "rationale");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** A referral about an invented person of their own, so no two tests' referrals are about the same subject. */
    private static Map<String, Object> referral() {
        String distinct = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return new HashMap<>(Map.of(
                "channel", "AGENCY",
                "referrerAgency", "SOCIAL_SERVICES",
                "districtId", "uk-luton",
                "municipalityId", "luton",
                "subject", Map.of("givenNames", "Tobias", "familyName", "Okonkwo-Invented-" + distinct,
                        "dateOfBirth", "2007-11-23"),
                "ageBand", "16_17",
                "concernCategories", List.of("ISLAMIST"),
                "concernSummary", "Shares invented propaganda videos in a class chat"));
    }

    private static Map<String, String> handBack() {
        return Map.of("rationale", "Investigation closed, no offence");
    }

    private String caseOf(String referralId) {
        return client.get("/referrals/" + referralId, POLICE_SCREENER).body().get("caseId").asText();
    }

    /** The referral's stored events, by type, in order. */
    private List<String> eventTypes(String referralId) {
        return mongo.getDatabase(database).getCollection("domainevents")
                .find(new Document("aggregateIdentifier", referralId)).sort(new Document("sequenceNumber", 1))
                .map(document -> document.getString("payloadType"))
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).into(new ArrayList<>());
    }

    private List<ConsumerRecord<String, String>> events(String caseId, int expected) {
        return TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS,
                record -> caseId.equals(record.key()), found -> found.size() >= expected, Duration.ofSeconds(30));
    }

    private long storedEvents() {
        return mongo.getDatabase(database).getCollection("domainevents").countDocuments();
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.errorFields()).contains(field);
    }
}
