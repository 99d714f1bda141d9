package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.referral.web.ReferralClient.POLICE_SCREENER;
import static org.pve.caseplatform.referral.web.ReferralClient.PUBLIC;
import static org.pve.caseplatform.referral.web.ReferralClient.SOCIAL_WORKER;
import static org.pve.caseplatform.referral.web.ReferralClient.clear;
import static org.pve.caseplatform.referral.web.ReferralClient.close;
import static org.pve.caseplatform.referral.web.ReferralClient.escalate;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.web.PlaintextScanner.Person;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives invented people through every HTTP path of referral-service, then scans every stored domain event and
 * every record on case.referral.events: no name, date of birth or concern text may be readable there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaintextScanIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "referral-plaintext");
        registry.add("referral.case-index.group", () -> "referral-plaintext-" + UUID.randomUUID());
    }

    /** Invented people: no real person is meant. */
    private static final Person ZOE = new Person("Zoé Amélie", "Ménard-Ålund", "2006-04-09",
            "Invented: hands out pamphlets praising the Crimson Dawn cell at the youth club");
    private static final Person CAGRI = new Person("Çağrı Mertcan", "Şenyüz-Özdemiroğlu", "2008-12-30",
            "Invented: posts countdown messages about the harbour festival in a gaming chat");
    private static final Person JORG = new Person("Jörg-Björn", "Übelhäcker", "2005-07-21",
            "Invented: asked classmates where to buy fertiliser in bulk");
    private static final Person SIOBHAN = new Person("Siobhán Aoibheann", "Ní Dhúbhghaill", "2010-01-05",
            "Invented: rehearses a speech about purifying the estate");
    private static final Person NOELLE = new Person("Noëlle Grażyna", "Brzęczyszczykiewicz", "2004-02-29",
            "Invented: seeks a way out after leaving the Silver Torch network");
    private static final Person OYSTEIN = new Person("Øystein Ægidius", "Løvåsen-Thorkildsen", "2007-08-14",
            "Invented: self-referral, wants help to stop watching beheading clips");
    private static final String ANONYMOUS_CONCERN =
            "Invented: unknown teenager shouting about the Lantern Brotherhood outside the mosque";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Value("${spring.data.mongodb.database}")
    String database;

    private final PlaintextScanner scanner = new PlaintextScanner(
            List.of(ZOE, CAGRI, JORG, SIOBHAN, NOELLE, OYSTEIN), List.of(ANONYMOUS_CONCERN));
    private ReferralClient client;

    @Test
    void noStoredEventNorPublishedRecordHoldsANameADateOfBirthOrAConcernInPlaintext() {
        client = new ReferralClient(port);
        driveEveryPath();

        List<Document> stored = mongo.getDatabase(database).getCollection("domainevents").find()
                .into(new ArrayList<>());
        List<ConsumerRecord<String, String>> published = everyRecordOnceAllOf(stored);

        assertThat(storedTypes(stored)).as("the paths driven").contains("ReferralReceived", "SecurityScreenCleared",
                "ReferralEscalatedToSecurity", "ReferralClosedNoFurtherAction", "CaseReturnedFromSecurity",
                "ReferralLinkedToCase", "ReferralUnlinkedFromCase", "ProbableMatchRejected", "FamilyGroupFormed",
                "CaseAddedToFamily");
        assertThat(scanner.leaks(stored.stream().map(scanner::document).toList()))
                .as("plaintext in the event store").isEmpty();
        assertThat(scanner.leaks(published.stream().map(this::text).toList()))
                .as("plaintext on " + Topics.REFERRAL_EVENTS).isEmpty();
    }

    /** Every channel, a resend, every screening outcome, the hand-back, links, families and every read. */
    private void driveEveryPath() {
        String zoe = refer(ZOE, "HELPLINE", "PUBLIC", null);
        String cagri = refer(CAGRI, "ONLINE_FORM", "PUBLIC", null);
        String reference = "ext-" + UUID.randomUUID();
        String jorg = refer(JORG, "AGENCY", "EDUCATION", reference);
        refer(JORG, "AGENCY", "EDUCATION", reference);
        String siobhan = refer(SIOBHAN, "AGENCY", "SOCIAL_SERVICES", null);
        String noelle = refer(NOELLE, "INTEGRATION", "POLICE", "ext-" + UUID.randomUUID());
        String oystein = refer(OYSTEIN, "SELF_REFERRAL", "SELF", null);
        String anonymous = refer(null, "HELPLINE", "PUBLIC", null);
        Map<String, Object> refused = referral(ZOE, "AGENCY", "HEALTH", null);
        refused.put("districtId", "xx-nowhere");
        assertThat(client.post("/referrals", refused, ReferralClient.referrerOf(refused)).status()).isEqualTo(400);

        screen(zoe, clear());
        screen(cagri, close("NO_CONCERN"));
        screen(jorg, escalate("CHANNEL_PANEL"));
        screen(siobhan, escalate("INTELLIGENCE_SERVICE"));
        screen(noelle, escalate("POLICE_INVESTIGATION"));
        expect(200, client.post("/referrals/" + noelle + "/return", Map.of("rationale", "Investigation closed"),
                POLICE_SCREENER));
        screen(noelle, clear());
        screen(oystein, close("REFERRED_ELSEWHERE"));
        screen(anonymous, close("INSUFFICIENT_INFORMATION"));

        String zoeAgain = refer(ZOE, "AGENCY", "HEALTH", null);
        linkAndUndo(refer(withoutDateOfBirth(ZOE), "AGENCY", "YOUTH_SERVICES", null), caseOf(zoe));
        reject(refer(withoutDateOfBirth(CAGRI), "AGENCY", "EDUCATION", null), caseOf(cagri));
        formFamily(caseOf(jorg), caseOf(noelle), caseOf(oystein));
        expect(200, client.get("/subjects/known-to?givenNames=" + ZOE.givenNames() + "&familyName="
                + ZOE.familyName() + "&dateOfBirth=" + ZOE.dateOfBirth(), SOCIAL_WORKER));
        expect(200, client.get("/screening-queue?districtId=uk-luton", POLICE_SCREENER));
        for (String referralId : List.of(zoe, cagri, jorg, siobhan, noelle, oystein, anonymous, zoeAgain)) {
            client.get("/referrals/" + referralId, SOCIAL_WORKER);
            client.get("/referrals/" + referralId, PUBLIC);
        }
        assertThat(client.get("/referrals/" + zoe, POLICE_SCREENER).body().get("subject").get("familyName")
                .asText()).as("the screener still reads the identity").isEqualTo("Ménard-Ålund");
    }

    private void linkAndUndo(String referralId, String caseId) {
        awaitCandidate(referralId, caseId);
        expect(200, client.post("/referrals/" + referralId + "/links",
                Map.of("caseId", caseId), POLICE_SCREENER));
        expect(200, client.post("/referrals/" + referralId + "/links/undo",
                Map.of("rationale", "A cousin"), POLICE_SCREENER));
    }

    private void reject(String referralId, String caseId) {
        awaitCandidate(referralId, caseId);
        expect(200, client.post("/referrals/" + referralId + "/match-rejections",
                Map.of("caseId", caseId), POLICE_SCREENER));
    }

    private void formFamily(String first, String second, String third) {
        Map<String, Object> family = Map.of("members", List.of(
                Map.of("caseId", first, "relation", "SIBLING"), Map.of("caseId", second, "relation", "SIBLING")));
        Answer formed = await(() -> client.post("/families", family, SOCIAL_WORKER), a -> a.status() != 404);
        String familyId = expect(201, formed).get("familyId").asText();
        expect(200, await(() -> client.post("/families/" + familyId + "/members", Map.of("caseId", third,
                "relation", "PARENT"), SOCIAL_WORKER), a -> a.status() != 404));
        expect(200, client.get("/families/" + familyId, SOCIAL_WORKER));
    }

    /** Waits until the screening queue shows {@code caseId} to the referral as a match or prior involvement. */
    private void awaitCandidate(String referralId, String caseId) {
        await(() -> client.get("/screening-queue?districtId=uk-luton", POLICE_SCREENER), queue -> {
            for (JsonNode entry : queue.body().path("referrals")) {
                if (entry.get("referralId").asText().equals(referralId)
                        && (entry.path("possibleMatches") + "" + entry.path("priorInvolvement")).contains(caseId)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String caseOf(String referralId) {
        return client.get("/referrals/" + referralId, POLICE_SCREENER).body().get("caseId").asText();
    }

    private String refer(Person person, String channel, String agency, String reference) {
        Map<String, Object> body = referral(person, channel, agency, reference);
        Answer answer = client.post("/referrals", body, ReferralClient.referrerOf(body));
        assertThat(answer.status()).as(answer.body().toString()).isIn(200, 201);
        return answer.body().get("referralId").asText();
    }

    private void screen(String referralId, Map<String, String> decision) {
        expect(200, client.screen(referralId, decision, POLICE_SCREENER));
    }

    private static Map<String, Object> referral(Person person, String channel, String agency, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", channel, "referrerAgency", agency,
                "districtId", "uk-luton", "ageBand", "16_17", "concernCategories", List.of("MIXED_OR_UNCLEAR"),
                "concernSummary", person == null ? ANONYMOUS_CONCERN : person.concern()));
        if (person != null) {
            Map<String, String> subject = new HashMap<>(Map.of("givenNames", person.givenNames(),
                    "familyName", person.familyName()));
            if (person.dateOfBirth() != null) {
                subject.put("dateOfBirth", person.dateOfBirth());
            }
            body.put("subject", subject);
        }
        if (reference != null) {
            body.put("externalReference", reference);
        }
        return body;
    }

    private static Person withoutDateOfBirth(Person person) {
        return new Person(person.givenNames(), person.familyName(), null, person.concern());
    }

    /** Every record on the topic, read once all of this service's stored events are among them. */
    private static List<ConsumerRecord<String, String>> everyRecordOnceAllOf(List<Document> stored) {
        Set<String> ours = new HashSet<>();
        stored.forEach(document -> ours.add(document.getString("eventIdentifier")));
        List<ConsumerRecord<String, String>> records = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS, record -> true,
                found -> found.stream().map(r -> TopicReader.header(r, EventHeaders.MESSAGE_ID)).toList()
                        .containsAll(ours), PATIENCE);
        assertThat(records).extracting(r -> TopicReader.header(r, EventHeaders.MESSAGE_ID))
                .as("every stored event published").containsAll(ours);
        return records;
    }

    private String text(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder(record.key()).append('\n').append(scanner.json(record.value()));
        for (Header header : record.headers()) {
            text.append('\n').append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static List<String> storedTypes(List<Document> stored) {
        return stored.stream().map(document -> document.getString("payloadType"))
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).distinct().toList();
    }

    private static JsonNode expect(int status, Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer.body();
    }

    private static Answer await(Supplier<Answer> probe, Predicate<Answer> until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Answer answer = probe.get();
        while (!until.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = probe.get();
        }
        return answer;
    }
}
