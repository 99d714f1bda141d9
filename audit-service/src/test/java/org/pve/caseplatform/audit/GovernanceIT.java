package org.pve.caseplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Information governance against a real Kafka broker and MongoDB-wire server: the subject access export (decrypted,
 * then erased once the person's key is destroyed) and the egress to integrating consumers (a cleared case's events
 * on its district's topic with no personal or free-text field; an escalated case never; no other district's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class GovernanceIT {

    private static final Instant RECEIVED = Instant.parse("2031-04-01T09:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = EventJson.newMapper();

    private static Producer<String, String> producer;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private PersonalDataVault vault;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "audit-governance");
    }

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(new KafkaSettings(TestInfrastructure.kafka().bootstrapServers(), null, null,
                "audit-governance-it").producerProperties());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theSubjectAccessExportShowsTheSubjectsCasesDecryptedThenErasedOnceTheKeyIsDestroyed() throws Exception {
        String district = "dk-sar-" + UUID.randomUUID().toString().substring(0, 6);
        String subjectRef = "sub-sar-" + UUID.randomUUID().toString().substring(0, 8);
        UUID mine = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        publish(received(mine, district, subjectRef), received(elsewhere, "dk-sar-elsewhere", subjectRef));
        String dpo = TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, district);

        JsonNode export = await(() -> get("/subjects/" + subjectRef + "/export", dpo, "DATA_PROTECTION"),
                response -> response.statusCode() == 200, "the export").body();

        assertThat(export.get("subjectRef").asText()).isEqualTo(subjectRef);
        assertThat(export.get("generatedAt").isTextual()).isTrue();
        assertThat(export.get("cases")).hasSize(1);
        JsonNode exported = export.get("cases").get(0);
        assertThat(exported.get("caseId").asText()).isEqualTo(mine.toString());
        assertThat(exported.get("districtId").asText()).isEqualTo(district);
        JsonNode event = exported.get("events").get(0);
        assertThat(event.get("eventType").asText()).isEqualTo("ReferralReceived");
        assertThat(event.get("service").asText()).isEqualTo("referral-service");
        assertThat(event.get("data").get("subjectIdentity").asText()).isEqualTo("Invented Person 2014-02-02");
        assertThat(event.get("data").get("concernSummary").asText()).isEqualTo("an invented concern");

        vault.destroy(subjectRef);

        JsonNode erased = await(() -> get("/subjects/" + subjectRef + "/export", dpo, "DATA_PROTECTION"),
                response -> response.statusCode() == 200 && response.body().get("accessLog").size() > 0,
                "the export with its own earlier read in the access log").body();
        JsonNode data = erased.get("cases").get(0).get("events").get(0).get("data");
        assertThat(data.get("subjectIdentity")).isEqualTo(JSON.readTree("{\"erased\":true}"));
        assertThat(data.get("concernSummary")).isEqualTo(JSON.readTree("{\"erased\":true}"));
        JsonNode read = erased.get("accessLog").get(0);
        assertThat(read.get("caseId").asText()).isEqualTo(mine.toString());
        assertThat(read.get("who").asText()).isEqualTo(TestTokens.idOf(Role.DATA_PROTECTION_OFFICER,
                Agency.SOCIAL_SERVICES));
        assertThat(read.get("role").asText()).isEqualTo("DATA_PROTECTION_OFFICER");
        assertThat(read.get("view").asText()).isEqualTo("subject-access-export");
        assertThat(read.get("purpose").asText()).isEqualTo("DATA_PROTECTION");
    }

    @Test
    void theSubjectAccessExportIsTheDataProtectionOfficersAloneWithinTheirDistricts() throws Exception {
        String district = "dk-sar-" + UUID.randomUUID().toString().substring(0, 6);
        String subjectRef = "sub-sar-" + UUID.randomUUID().toString().substring(0, 8);
        publish(received(UUID.randomUUID(), district, subjectRef));
        String dpo = TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, district);
        await(() -> get("/subjects/" + subjectRef + "/export", dpo, "DATA_PROTECTION"),
                response -> response.statusCode() == 200, "the export");

        String otherDpo = TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, "dk-sar-none");
        Answer otherDistrict = get("/subjects/" + subjectRef + "/export", otherDpo, "DATA_PROTECTION");
        Answer unknown = get("/subjects/sub-never-referred/export", otherDpo, "DATA_PROTECTION");
        assertThat(otherDistrict.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(otherDistrict.body().get("errors")).isEqualTo(unknown.body().get("errors"));
        assertThat(get("/subjects/" + subjectRef + "/export",
                TestTokens.bearer(Role.AUDITOR, Agency.SOCIAL_SERVICES, district), "AUDIT").statusCode())
                .isEqualTo(403);
        assertThat(get("/subjects/" + subjectRef + "/export", dpo, "AUDIT").statusCode()).isEqualTo(403);
        assertThat(get("/subjects/" + subjectRef + "/export", dpo, "PROSECUTION").statusCode()).isEqualTo(403);
    }

    @Test
    void aClearedCasesEventsReachItsDistrictsEgressTopicWithoutPersonalFieldsAndAnEscalatedCaseNever()
            throws Exception {
        String district = "dk-egress-" + UUID.randomUUID().toString().substring(0, 6);
        String otherDistrict = "dk-egress-" + UUID.randomUUID().toString().substring(0, 6);
        UUID cleared = UUID.randomUUID();
        UUID escalated = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publish(received(escalated, district, "sub-egress-esc"),
                new ReferralEscalatedToSecurity(escalated, district, RECEIVED.plusSeconds(60), UUID.randomUUID(),
                        "screener-ole", SecurityDestination.INTELLIGENCE_SERVICE, "an invented risk"));
        publish(received(cleared, district, "sub-egress-clr"), cleared(cleared, district), opened(cleared, district));
        publish(received(other, otherDistrict, "sub-egress-oth"), cleared(other, otherDistrict));
        String topic = "integration.cases.egress." + district;
        awaitTopic(topic);
        awaitTopic("integration.cases.egress." + otherDistrict);

        List<ConsumerRecord<String, String>> out = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(),
                topic, record -> true,
                records -> records.stream().filter(record -> cleared.toString().equals(record.key())).count() >= 3,
                PATIENCE);

        List<ConsumerRecord<String, String>> ofCleared = out.stream()
                .filter(record -> cleared.toString().equals(record.key())).toList();
        assertThat(ofCleared).extracting(record -> TopicReader.header(record, EventHeaders.EVENT_TYPE))
                .containsExactly("ReferralReceived", "SecurityScreenCleared", "AssessmentOpened");
        assertThat(ofCleared).allSatisfy(record -> {
            assertThat(record.value()).doesNotContain("ciphertext", "keyRef", "subjectRef", "rationale",
                    "sub-egress");
            assertThat(TopicReader.header(record, EventHeaders.CASE_ID)).isEqualTo(cleared.toString());
            assertThat(TopicReader.header(record, EventHeaders.DISTRICT_ID)).isEqualTo(district);
            assertThat(TopicReader.header(record, EventHeaders.MESSAGE_ID)).startsWith("msg-");
        });
        assertThat(JSON.readTree(ofCleared.get(0).value()).get("ageBand").asText()).isEqualTo("16_17");
        assertThat(out).noneMatch(record -> escalated.toString().equals(record.key()));

        List<ConsumerRecord<String, String>> theirs = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), "integration.cases.egress." + otherDistrict,
                record -> true, records -> records.stream().anyMatch(record -> other.toString().equals(record.key())),
                PATIENCE);
        assertThat(theirs).anyMatch(record -> other.toString().equals(record.key()))
                .noneMatch(record -> cleared.toString().equals(record.key()));
        assertThat(retentionOf(topic)).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }

    private ReferralReceived received(UUID caseId, String district, String subjectRef) {
        return new ReferralReceived(caseId, district, RECEIVED, UUID.randomUUID(), "0999", Channel.AGENCY,
                Agency.EDUCATION, null, subjectRef, vault.encrypt(subjectRef, "Invented Person 2014-02-02"),
                AgeBand.AGE_16_17, List.of(ConcernCategory.MIXED_OR_UNCLEAR),
                vault.encrypt(subjectRef, "an invented concern"));
    }

    private static SecurityScreenCleared cleared(UUID caseId, String district) {
        return new SecurityScreenCleared(caseId, district, RECEIVED.plusSeconds(300), UUID.randomUUID(), "sub-x",
                "screener-ole", "an invented rationale");
    }

    private static AssessmentOpened opened(UUID caseId, String district) {
        return new AssessmentOpened(caseId, district, RECEIVED.plusSeconds(400), "sub-x", "dk-dialogue", 1,
                List.of(Agency.POLICE, Agency.SOCIAL_SERVICES), RECEIVED.plus(Duration.ofDays(28)));
    }

    private static void publish(CaseEvent... events) throws Exception {
        for (CaseEvent event : events) {
            String messageId = "msg-" + UUID.randomUUID();
            producer.send(CatalogueRecords.of(event, messageId, "corr-" + messageId)).get();
        }
    }

    private static void awaitTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            await(() -> admin.listTopics().names().get(), names -> names.contains(topic), "the topic " + topic);
        }
    }

    private static String retentionOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.get(TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }

    private Answer get(String path, String token, String purpose) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token).header("X-Purpose", purpose).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private record Answer(int statusCode, JsonNode body) {
    }

    private static <T> T await(Probe<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
            }
            Thread.sleep(250);
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        T get() throws Exception;
    }
}
