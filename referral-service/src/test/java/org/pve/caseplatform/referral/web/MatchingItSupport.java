package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;
import org.pve.caseplatform.referral.web.ReferralClient.As;
import org.pve.caseplatform.support.testing.MovableClock;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One referral-service for the matching tests (linking, families, "known to", the queue), on the shared broker and
 * MongoDB-wire server, with its case index in a consumer group of its own and a clock the tests can move. Every test
 * invents its own people (random given names and birthdays), so tests sharing the service do not match each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MatchingItSupport.MovableClockConfiguration.class)
abstract class MatchingItSupport {

    static final As SCREENER = ReferralClient.POLICE_SCREENER;
    static final As SOCIAL_WORKER = ReferralClient.SOCIAL_WORKER;
    static final As POLICE_OFFICER = ReferralClient.POLICE_OFFICER;
    static final MovableClock CLOCK = new MovableClock();
    private static final String CASE_INDEX_GROUP = "referral-service.case-index-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] ONSETS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "referral-matching");
        registry.add("referral.case-index.group", () -> CASE_INDEX_GROUP);
        registry.add("referral.retention.group", () -> CASE_INDEX_GROUP + "-retention");
    }

    @LocalServerPort
    int port;
    ReferralClient client;

    @BeforeEach
    void connect() {
        client = new ReferralClient(port);
        CLOCK.reset();
    }

    /** An invented person. */
    record Person(String givenNames, String familyName, LocalDate dateOfBirth) {

        Person withFamilyName(String familyName) {
            return new Person(givenNames, familyName, dateOfBirth);
        }

        Person withoutDateOfBirth() {
            return new Person(givenNames, familyName, null);
        }

        Person swapped() {
            return new Person(familyName, givenNames, dateOfBirth);
        }
    }

    /** What intake answered: the referral and (for an agency) its case. */
    record Accepted(int status, String referralId, String caseId, JsonNode body) {
    }

    static Person invented(String familyName) {
        return new Person(inventedName(), familyName, LocalDate.of(2005, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(6 * 365)));
    }

    /** A pronounceable name nobody has: four random syllables. */
    static String inventedName() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(ONSETS[ThreadLocalRandom.current().nextInt(ONSETS.length)])
                    .append(VOWELS[ThreadLocalRandom.current().nextInt(VOWELS.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    Accepted refer(String channel, String agency, String districtId, Person person) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "channel", channel,
                "referrerAgency", agency,
                "districtId", districtId,
                "ageBand", "16_17",
                "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Shares invented propaganda videos in class"));
        if (person != null) {
            Map<String, Object> subject = new HashMap<>(Map.of("givenNames", person.givenNames(),
                    "familyName", person.familyName()));
            if (person.dateOfBirth() != null) {
                subject.put("dateOfBirth", person.dateOfBirth().toString());
            }
            body.put("subject", subject);
        }
        Answer answer = client.post("/referrals", body, ReferralClient.referrerOf(body));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return new Accepted(answer.status(), answer.body().get("referralId").asText(),
                answer.body().path("caseId").asText(null), answer.body());
    }

    Accepted referByAgency(String agency, String districtId, Person person) {
        return refer("AGENCY", agency, districtId, person);
    }

    /** The case a referral is on now, as the screener reads it. */
    String caseOf(String referralId) {
        return client.get("/referrals/" + referralId, SCREENER).body().get("caseId").asText();
    }

    /** The referral's entry in its district's screening queue, once it satisfies {@code until}. */
    JsonNode queueEntry(String districtId, String referralId, Predicate<JsonNode> until) {
        return await(() -> findEntry(districtId, referralId).orElse(null), entry -> entry != null && until.test(entry),
                "queue entry of " + referralId);
    }

    Optional<JsonNode> findEntry(String districtId, String referralId) {
        return entries(districtId).stream().filter(e -> e.get("referralId").asText().equals(referralId)).findFirst();
    }

    List<JsonNode> entries(String districtId) {
        Answer queue = client.get("/screening-queue?districtId=" + districtId, SCREENER);
        assertThat(queue.status()).as(queue.body().toString()).isEqualTo(200);
        return StreamSupport.stream(queue.body().get("referrals").spliterator(), false).toList();
    }

    static boolean proposes(JsonNode entry, String field, String caseId) {
        return StreamSupport.stream(entry.path(field).spliterator(), false)
                .anyMatch(candidate -> candidate.get("candidateCaseId").asText().equals(caseId));
    }

    static JsonNode candidate(JsonNode entry, String field, String caseId) {
        return StreamSupport.stream(entry.path(field).spliterator(), false)
                .filter(candidate -> candidate.get("candidateCaseId").asText().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " of " + entry + " lacks " + caseId));
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The domain records keyed by {@code caseId} once one of {@code eventType} is among them. */
    static List<ConsumerRecord<String, String>> recordsOf(String caseId, String eventType) {
        return TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.REFERRAL_EVENTS,
                record -> caseId.equals(record.key()),
                found -> found.stream().anyMatch(r -> eventType.equals(TopicReader.header(r,
                        EventHeaders.EVENT_TYPE))), PATIENCE);
    }

    static List<ConsumerRecord<String, String>> only(List<ConsumerRecord<String, String>> records, String eventType) {
        return records.stream().filter(r -> eventType.equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)))
                .toList();
    }

    static <T> T await(Supplier<T> probe, Predicate<T> until, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = probe.get();
        while (!until.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            value = probe.get();
        }
        return value;
    }

    @TestConfiguration
    static class MovableClockConfiguration {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }
}
