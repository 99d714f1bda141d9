package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.e2e.PlatformScan.Encrypted;
import org.pve.caseplatform.e2e.PlatformScan.Finding;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.testing.TopicReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to erasure, end to end: an invented person goes through the whole lifecycle (and once more through a
 * malformed inbound Kafka referral that ends as a dead letter); after the data protection officer erases the
 * person, the name is in no API answer, in no MongoDB database, on no Kafka topic and in no log file, every
 * encrypted field of the person's key stays shut to the platform's own master key, and the ledger still verifies.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureIT {

    private static final Logger log = LoggerFactory.getLogger(ErasureIT.class);
    private static final String GIVEN = "Zephyrine";
    private static final String FAMILY = "Quillfeather";
    private static final String BORN = "2007-11-23";
    private static final List<String> TERMS = List.of(GIVEN, FAMILY, BORN);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EGRESS_PREFIX = "integration.cases.egress.";
    private static final String EGRESS_TOPIC = EGRESS_PREFIX + "dk-fyn";

    private static SecuredPlatform platform;
    private static CaseDriver driver;
    private static PlatformClient client;
    private static IssuerTokens tokens;
    private static CaseDriver.Referred referred;
    private static String commissionId;
    private static String subjectRef;
    private static String deadLetterKey;

    @BeforeAll
    static void takeThePersonThroughTheLifecycle() throws Exception {
        platform = SharedPlatform.get();
        driver = new CaseDriver(platform);
        client = platform.client();
        tokens = platform.tokens();
        referred = driver.refer("dk-fyn", new CaseDriver.Subject(GIVEN, FAMILY, BORN,
                GIVEN + " shares extremist material with classmates (invented)"));
        client.expect(200, driver.clear(referred.referralId()));
        driver.agreeFormulation(referred.caseId(), "dk-fyn", GIVEN + " is isolated at school (invented)");
        commissionId = driver.deliverAndClose(referred.caseId(), "dk-fyn",
                "Mentoring for " + GIVEN + " " + FAMILY + " after school (invented)",
                GIVEN + " attends every session (invented)");
        driver.historyUntil(referred.caseId(), "CaseClosed");
        deadLetterKey = sendMalformedInboundReferral();
        JsonNode view = client.expect(200, client.get(referralUrl(), tokens.as(CaseDriver.SCREENER, "SCREENING")));
        subjectRef = view.get("subjectRef").asText();
    }

    @Test
    @Order(1)
    void beforeErasureAPermittedReaderSeesTheNameAndTheScansFindIt() {
        JsonNode view = client.expect(200, client.get(referralUrl(), tokens.as(CaseDriver.SCREENER, "SCREENING")));
        assertThat(view.toString()).contains(GIVEN).contains(FAMILY);

        PlatformScan scan = new PlatformScan(platform, TERMS);
        assertThat(scan.kafka().findings()).as("the plaintext inbound referral is found by the scan")
                .anyMatch(finding -> finding.where().startsWith("kafka " + Topics.INBOUND_REFERRALS + "/"));
        PlatformScan.Result mongo = scan.mongo();
        try (MongoClient mongoClient = MongoClients.create(platform.launcher().mongo().connectionString())) {
            PersonalDataVault vault = scan.vault(mongoClient);
            assertThat(ofThePerson(mongo.encrypted())).as("encrypted fields of the person in MongoDB").isNotEmpty()
                    .anyMatch(field -> vault.decrypt(field.value()).map(text -> text.contains(GIVEN)).orElse(false));
        }
    }

    @Test
    @Order(2)
    void afterErasureTheNameIsInNoAnswerNoDatabaseNoTopicNoLogAndNoKeyOpensTheFields() throws Exception {
        PlatformClient.Reply erased = client.post(platform.referral() + "/subjects/" + subjectRef + "/erasure",
                Map.of("note", "the person's erasure request, ticket 7 (invented)"), tokens.auth(CaseDriver.DPO));
        assertThat(erased.status()).as("erasure: " + erased.text()).isBetween(200, 299);

        List<String> answers = awaitCleanAnswers();
        assertThat(answers).as("API answers that still show the person").isEmpty();

        PlatformScan scan = new PlatformScan(platform, TERMS);
        PlatformScan.Result mongo = scan.mongo();
        PlatformScan.Result kafka = scan.kafka();
        List<Finding> logs = scan.logs();
        List<Encrypted> encrypted = new ArrayList<>(mongo.encrypted());
        encrypted.addAll(kafka.encrypted());
        List<String> openable = new ArrayList<>();
        List<String> revealing = new ArrayList<>();
        try (MongoClient mongoClient = MongoClients.create(platform.launcher().mongo().connectionString())) {
            PersonalDataVault vault = scan.vault(mongoClient);
            for (Encrypted field : encrypted) {
                Optional<String> plaintext = vault.decrypt(field.value());
                if (isThePersons(field) && plaintext.isPresent()) {
                    openable.add(field.where() + " keyRef " + field.value().keyRef());
                }
                if (plaintext.isPresent() && mentions(plaintext.get())) {
                    revealing.add(field.where() + " keyRef " + field.value().keyRef());
                }
            }
        }
        List<Finding> rawStorage = new ArrayList<>(scan.rawFiles(platform.dataDir().resolve("kafka")));
        rawStorage.addAll(scan.rawFiles(platform.dataDir().resolve("mongo")));
        if (!rawStorage.isEmpty()) {
            log.warn("after erasure the raw storage files still hold a term of the erased person (not readable "
                    + "through MongoDB or Kafka): {}", rawStorage.stream().map(Finding::where).distinct().toList());
        }

        assertThat(ofThePerson(encrypted)).as("encrypted fields of the erased person found").isNotEmpty();
        assertThat(kafka.recordsPerTopic()).as("records on the district's egress topic")
                .containsKey(EGRESS_TOPIC);
        assertThat(kafka.encrypted()).as("personal fields on egress topics")
                .noneMatch(field -> field.where().startsWith("kafka " + EGRESS_PREFIX));
        assertThat(mongo.findings()).as("MongoDB documents holding the name or date of birth").isEmpty();
        assertThat(kafka.findings()).as("Kafka records holding the name or date of birth").isEmpty();
        assertThat(logs).as("log lines holding the name or date of birth").isEmpty();
        assertThat(openable).as("fields under the person's key (or its successor) the master key still opens")
                .isEmpty();
        assertThat(revealing).as("encrypted fields anywhere that still decrypt to the person's name").isEmpty();
        assertThat(TopicReader.read(platform.launcher().broker().bootstrapServers(), Topics.INBOUND_REFERRALS_DLT,
                record -> deadLetterKey.equals(record.key()), found -> !found.isEmpty(), Duration.ofSeconds(5)))
                .as("the dead letter itself stays (its original unreadable)").isNotEmpty();
    }

    @Test
    @Order(3)
    void theLedgerStillVerifiesAfterTheErasure() {
        JsonNode verification = client.expect(200, client.get(platform.audit() + "/ledger/verification",
                tokens.auth(CaseDriver.AUDITOR)));
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
    }

    /** Polls the answers that showed the person until none does (the erasure travels by events), then lists any. */
    private static List<String> awaitCleanAnswers() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<String> showing;
        do {
            showing = answersShowingThePerson();
            if (showing.isEmpty()) {
                break;
            }
            PlatformClient.sleep(1000);
        } while (System.nanoTime() < deadline);
        List<String> all = new ArrayList<>(showing);
        PlatformClient.Reply replay = replay();
        if (replay.status() != 200 || mentions(replay.text())) {
            all.add("replay answered " + replay.status() + (mentions(replay.text()) ? " showing the person" : ""));
        }
        return all;
    }

    private static List<String> answersShowingThePerson() {
        String caseId = referred.caseId();
        Map<String, PlatformClient.Reply> answers = new LinkedHashMap<>();
        answers.put("referral (screener)", client.get(referralUrl(), tokens.as(CaseDriver.SCREENER, "SCREENING")));
        answers.put("referral (dpo)", client.get(referralUrl(), tokens.as(CaseDriver.DPO, "DATA_PROTECTION")));
        answers.put("screening queue", client.get(platform.referral() + "/screening-queue?districtId=dk-fyn",
                tokens.auth(CaseDriver.SCREENER)));
        answers.put("assessment", client.get(platform.assessment() + "/assessments/" + caseId,
                tokens.as(CaseDriver.PROPOSER, "ASSESSMENT")));
        answers.put("formulation", client.get(platform.assessment() + "/assessments/" + caseId + "/formulations/1",
                tokens.as(CaseDriver.PROPOSER, "ASSESSMENT")));
        answers.put("plan", client.get(platform.plan() + "/plans/" + caseId,
                tokens.as("e2e.owner-social", "CASE_MANAGEMENT")));
        answers.put("commission (provider)", client.get(platform.plan() + "/commissions/" + commissionId,
                tokens.as(CaseDriver.PROVIDER, "SERVICE_DELIVERY")));
        answers.put("commission (owner)", client.get(platform.plan() + "/commissions/" + commissionId,
                tokens.as("e2e.owner-social", "CASE_MANAGEMENT")));
        answers.put("history", client.get(platform.audit() + "/cases/" + caseId + "/history",
                tokens.as(CaseDriver.AUDITOR, "AUDIT")));
        answers.put("history.csv", client.get(platform.audit() + "/cases/" + caseId + "/history.csv",
                tokens.as(CaseDriver.AUDITOR, "AUDIT")));
        answers.put("subject access export", client.get(platform.audit() + "/subjects/" + subjectRef + "/export",
                tokens.as(CaseDriver.DPO, "DATA_PROTECTION")));
        List<String> showing = new ArrayList<>();
        answers.forEach((what, reply) -> {
            if (reply.status() != 200) {
                showing.add(what + " answered " + reply.status());
            } else if (mentions(reply.text())) {
                showing.add(what + " shows the person");
            }
        });
        return showing;
    }

    /** A replay of the district, run to its end: its answer shows counts and comparisons, never a person. */
    private static PlatformClient.Reply replay() {
        JsonNode started = client.expect(202, client.post(platform.audit() + "/replays",
                Map.of("districtId", "dk-fyn"), tokens.auth(CaseDriver.AUDITOR)));
        String url = platform.audit() + "/replays/" + started.get("replayId").asText();
        client.await(url, reply -> reply.status() == 200 && !"RUNNING".equals(reply.body().path("status").asText()),
                PATIENCE, tokens.auth(CaseDriver.AUDITOR));
        return client.get(url, tokens.auth(CaseDriver.AUDITOR));
    }

    /** A referral of the same person from a municipal system that breaks the schema, so it is dead-lettered. */
    private static String sendMalformedInboundReferral() throws Exception {
        String key = "odense-sag-" + UUID.randomUUID();
        String value = platform.client().json().writeValueAsString(Map.of(
                "channel", "INTEGRATION", "referrerAgency", "SOCIAL_SERVICES", "districtId", "dk-fyn",
                "municipalityId", "0461",
                "subject", Map.of("givenNames", GIVEN, "familyName", FAMILY, "dateOfBirth", BORN),
                "ageBand", "SEVENTEEN", "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", GIVEN + " was seen with propaganda (invented)", "externalReference", key));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.launcher().broker().bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.INBOUND_REFERRALS, key, value)).get(30, TimeUnit.SECONDS);
        }
        assertThat(TopicReader.read(platform.launcher().broker().bootstrapServers(), Topics.INBOUND_REFERRALS_DLT,
                record -> key.equals(record.key()), found -> !found.isEmpty(), PATIENCE))
                .as("the malformed inbound referral is dead-lettered").hasSize(1);
        return key;
    }

    private static List<Encrypted> ofThePerson(List<Encrypted> encrypted) {
        return encrypted.stream().filter(ErasureIT::isThePersons).toList();
    }

    private static boolean isThePersons(Encrypted field) {
        String keyRef = field.value().keyRef();
        return keyRef != null && (keyRef.equals(subjectRef) || keyRef.startsWith(subjectRef + "~"));
    }

    private static boolean mentions(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return TERMS.stream().anyMatch(term -> lower.contains(term.toLowerCase(Locale.ROOT)));
    }

    private static String referralUrl() {
        return platform.referral() + "/referrals/" + referred.referralId();
    }
}
