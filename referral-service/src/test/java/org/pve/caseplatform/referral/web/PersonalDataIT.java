package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.command.RetentionPoller;
import org.pve.caseplatform.referral.command.RetentionSchedule;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;
import org.pve.caseplatform.referral.web.ReferralClient.As;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person's rights and the record scope over HTTP: who may refer where, reads that state a purpose and are
 * logged, pseudonymised names revealed with a justification, erasure, rectification and retention.
 */
class PersonalDataIT extends MatchingItSupport {

    private static final String MUENCHEN = "de-by-muenchen";
    private static final String FYN = "dk-fyn";
    private static final As DPO = ReferralClient.DATA_PROTECTION_OFFICER;
    private static final As EDUCATION_OWNER = new As(Role.CASE_OWNER, Agency.EDUCATION, "*");

    @Autowired
    PersonalDataVault vault;
    @Autowired
    RetentionPoller retention;
    @Autowired
    RetentionSchedule schedule;
    @Autowired
    CaseIndex cases;

    @Test
    void anAgencyReferralNeedsASignedInReferrerOfThatAgencyWorkingInTheDistrict() {
        Map<String, Object> body = referralBody(FYN, invented("Brandt"));
        As fynTeacher = new As(Role.REFERRER, Agency.EDUCATION, FYN);

        Answer anonymous = client.post("/referrals", body, ReferralClient.PUBLIC);
        Answer elsewhere = client.post("/referrals", body, fynTeacher.in("uk-luton"));
        Map<String, Object> otherAgency = new HashMap<>(body);
        otherAgency.put("referrerAgency", "HEALTH");
        Answer posingAsHealth = client.post("/referrals", otherAgency, fynTeacher);
        Answer network = client.post("/referrals", body, new As(Role.NETWORK_MEMBER, Agency.SOCIAL_SERVICES, FYN));
        Map<String, Object> withoutAgency = new HashMap<>(body);
        withoutAgency.remove("referrerAgency");
        Answer accepted = client.post("/referrals", withoutAgency, fynTeacher);

        assertProblem(anonymous, 400, "channel");
        assertProblem(elsewhere, 404, "id");
        assertProblem(posingAsHealth, 400, "referrerAgency");
        assertProblem(network, 403, "caller");
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        assertThat(accepted.body().has("caseId")).isTrue();
        JsonNode view = client.get("/referrals/" + accepted.body().get("referralId").asText(), SCREENER).body();
        assertThat(view.get("referrerAgency").asText()).isEqualTo("EDUCATION");
    }

    @Test
    void aReferralOfAnotherDistrictOrSealedOutsideThePoliceIsExactlyLikeAnUnknownOne() {
        Accepted referral = referByAgency("EDUCATION", FYN, invented("Holm"));
        Answer unknown = client.get("/referrals/" + UUID.randomUUID(), SCREENER.in("dk-bornholm"));

        Answer otherDistrict = client.get("/referrals/" + referral.referralId(), SCREENER.in("dk-bornholm"));
        client.screen(referral.referralId(), ReferralClient.escalate("INTELLIGENCE_SERVICE"), SCREENER);
        Answer sealed = client.get("/referrals/" + referral.referralId(), EDUCATION_OWNER);
        Answer unknownToOwner = client.get("/referrals/" + UUID.randomUUID(), EDUCATION_OWNER);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherDistrict.status()).isEqualTo(404);
        assertThat(otherDistrict.withoutInstance()).isEqualTo(unknown.withoutInstance());
        assertThat(sealed.status()).isEqualTo(404);
        assertThat(sealed.withoutInstance()).isEqualTo(unknownToOwner.withoutInstance());
        assertThat(client.get("/referrals/" + referral.referralId(), SCREENER.in(FYN)).status()).isEqualTo(200);
    }

    @Test
    void aReadStatesAPurposeTheRoleMayUseAndIsWrittenToTheAccessLog() {
        Accepted referral = referByAgency("EDUCATION", FYN, invented("Lund"));
        String path = "/referrals/" + referral.referralId();

        assertProblem(client.get(path, SCREENER, null), 400, "X-Purpose");
        assertProblem(client.get(path, SCREENER, "PROSECUTION"), 403, "X-Purpose");
        assertProblem(client.get(path, SCREENER, "ASSESSMENT"), 403, "X-Purpose");
        Answer read = client.get(path, SCREENER, "SCREENING");

        assertThat(read.status()).isEqualTo(200);
        List<ConsumerRecord<String, String>> logged = TopicReader.read(
                TestInfrastructure.kafka().bootstrapServers(), Topics.ACCESS_LOG,
                record -> referral.caseId().equals(record.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).value()).contains("\"who\":\"" + SCREENER.id() + "\"", "\"view\":\"referral\"",
                "\"purpose\":\"SCREENING\"");
    }

    @Test
    void whereNamesAreHiddenAJustifiedRevealShowsTheNameToTheOneWhoAskedOnly() {
        Person person = invented("Huber");
        Accepted referral = referByAgency("EDUCATION", MUENCHEN, person);
        String path = "/referrals/" + referral.referralId();
        String reveals = path + "/identity-reveals";

        JsonNode hidden = client.get(path, SCREENER).body();
        Answer unjustified = client.post(reveals, Map.of(), SCREENER);
        Answer vague = client.post(reveals, Map.of("justification", "need it"), SCREENER);
        Answer byTheReferrer = client.post(reveals, Map.of("justification", JUSTIFICATION),
                new As(Role.REFERRER, Agency.EDUCATION, "*"));
        Answer revealed = client.post(reveals, Map.of("justification", JUSTIFICATION), SCREENER);

        assertThat(hidden.hasNonNull("subject")).as("subject shown").isFalse();
        assertThat(hidden.get("identityHidden").asBoolean()).isTrue();
        assertThat(hidden.get("subjectRef").asText()).startsWith("sub-");
        assertProblem(unjustified, 400, "justification");
        assertProblem(vague, 400, "justification");
        assertThat(byTheReferrer.status()).isEqualTo(403);
        assertThat(revealed.status()).as(revealed.body().toString()).isEqualTo(200);
        assertThat(revealed.body().get("subject").get("familyName").asText()).isEqualTo(person.familyName());
        assertThat(client.get(path, SCREENER).body().get("subject").get("givenNames").asText())
                .isEqualTo(person.givenNames());
        JsonNode toOthers = client.get(path, EDUCATION_OWNER).body();
        assertThat(toOthers.hasNonNull("subject")).as("subject shown").isFalse();
        assertThat(toOthers.get("identityHidden").asBoolean()).isTrue();
        ConsumerRecord<String, String> event = only(recordsOf(referral.caseId(), "IdentityRevealed"),
                "IdentityRevealed").get(0);
        assertThat(event.value()).contains(SCREENER.id(), JUSTIFICATION).doesNotContain(person.familyName());
    }

    @Test
    void whereNamesShowByDefaultThereIsNothingToReveal() {
        Accepted referral = referByAgency("EDUCATION", FYN, invented("Nielsen"));

        assertProblem(client.post("/referrals/" + referral.referralId() + "/identity-reveals",
                Map.of("justification", JUSTIFICATION), SCREENER), 409, "referralId");
        assertThat(client.get("/referrals/" + referral.referralId(), SCREENER).body().get("identityHidden")
                .asBoolean()).isFalse();
    }

    @Test
    void anErasureDestroysThePersonsKeyAndLeavesTheReferralWithoutPersonalData() {
        Person person = invented("Kjaer");
        Accepted first = referByAgency("EDUCATION", FYN, person);
        Accepted second = referByAgency("HEALTH", FYN, person.withoutDateOfBirth());
        String subjectRef = client.get("/referrals/" + first.referralId(), SCREENER).body().get("subjectRef")
                .asText();
        queueEntry(FYN, first.referralId(), entry -> true);
        assertThat(vault.holdsKey(subjectRef)).isTrue();

        Answer byScreener = client.post("/subjects/" + subjectRef + "/erasure", Map.of(), SCREENER);
        Answer elsewhere = client.post("/subjects/" + subjectRef + "/erasure", Map.of(), DPO.in("uk-luton"));
        Answer unknown = client.post("/subjects/sub-" + UUID.randomUUID().toString().replace("-", "")
                + "/erasure", Map.of(), DPO);
        Answer erased = client.post("/subjects/" + subjectRef + "/erasure", Map.of("note", "request 17"), DPO);

        assertThat(byScreener.status()).isEqualTo(403);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
        assertThat(erased.body().get("subjectRef").asText()).isEqualTo(subjectRef);
        assertThat(texts(erased.body().get("cases"))).containsExactly(first.caseId());
        assertThat(erased.body().get("keysDestroyed").asInt()).isEqualTo(1);
        assertThat(vault.holdsKey(subjectRef)).isFalse();
        JsonNode view = client.get("/referrals/" + first.referralId(), SCREENER).body();
        assertThat(view.hasNonNull("subject")).as("subject shown").isFalse();
        assertThat(view.hasNonNull("concernSummary")).as("concernSummary shown").isFalse();
        assertThat(view.get("personalDataErased").asBoolean()).isTrue();
        assertThat(view.get("subjectRef").asText()).isEqualTo(subjectRef);
        assertThat(client.get("/referrals/" + second.referralId(), SCREENER).body().get("concernSummary").asText())
                .as("another person's referral keeps its data").isNotBlank();
        ConsumerRecord<String, String> event = only(recordsOf(first.caseId(), "PersonalDataErased"),
                "PersonalDataErased").get(0);
        assertThat(event.value()).contains("\"reason\":\"ERASURE_REQUEST\"", "\"erasedBy\":\"" + DPO.id() + "\"",
                "\"keyRef\":\"" + subjectRef + "\"");
    }

    @Test
    void theDataProtectionOfficerRectifiesTheConcernAndTheIdentity() {
        Accepted referral = referByAgency("EDUCATION", FYN, invented("Dahl"));
        String rectifications = "/referrals/" + referral.referralId() + "/rectifications";

        Answer concern = client.post(rectifications, Map.of("field", "CONCERN_SUMMARY",
                "concernSummary", "Shares invented videos, not propaganda", "reason", "The school corrected it"), DPO);
        Answer identity = client.post(rectifications, Map.of("field", "SUBJECT_IDENTITY", "subject",
                Map.of("givenNames", "Sofie", "familyName", "Dahl-Invented"), "reason", "Misspelt by the referrer"),
                DPO);
        Answer mismatch = client.post(rectifications, Map.of("field", "SUBJECT_IDENTITY",
                "concernSummary", "x", "reason", "wrong field"), DPO);
        Answer byScreener = client.post(rectifications, Map.of("field", "CONCERN_SUMMARY",
                "concernSummary", "x", "reason", "not theirs"), SCREENER);

        assertThat(concern.status()).as(concern.body().toString()).isEqualTo(200);
        assertThat(concern.body().get("concernSummary").asText()).isEqualTo("Shares invented videos, not propaganda");
        assertThat(identity.status()).isEqualTo(200);
        JsonNode view = client.get("/referrals/" + referral.referralId(), SCREENER).body();
        assertThat(view.get("subject").get("familyName").asText()).isEqualTo("Dahl-Invented");
        assertThat(view.get("concernSummary").asText()).isEqualTo("Shares invented videos, not propaganda");
        assertProblem(mismatch, 400, "subject");
        assertThat(byScreener.status()).isEqualTo(403);
        List<ConsumerRecord<String, String>> events = only(recordsOf(referral.caseId(), "PersonalDataRectified"),
                "PersonalDataRectified");
        assertThat(events).allSatisfy(record -> assertThat(record.value()).contains("\"ciphertext\"")
                .doesNotContain("Dahl-Invented", "not propaganda"));
    }

    @Test
    void retentionErasesAReferralClosedWithNoFurtherActionWhenItIsDue() {
        Person person = invented("Bech");
        Accepted referral = referByAgency("EDUCATION", FYN, person);
        client.screen(referral.referralId(), ReferralClient.close("NO_CONCERN"), SCREENER);
        awaitDueDate(referral.caseId());
        String subjectRef = client.get("/referrals/" + referral.referralId(), SCREENER).body().get("subjectRef")
                .asText();

        CLOCK.advance(Duration.ofDays(366));
        retention.fireDue();

        JsonNode view = client.get("/referrals/" + referral.referralId(), SCREENER).body();
        assertThat(view.get("personalDataErased").asBoolean()).isTrue();
        assertThat(view.hasNonNull("subject")).as("subject shown").isFalse();
        assertThat(vault.holdsKey(subjectRef)).isFalse();
        assertThat(only(recordsOf(referral.caseId(), "PersonalDataErased"), "PersonalDataErased").get(0).value())
                .contains("\"reason\":\"RETENTION_EXPIRED\"", "\"erasedBy\":\"" + RetentionPoller.ERASED_BY + "\"");
    }

    @Test
    void retentionWaitsWhileThePersonHasAnOpenCase() {
        Person person = invented("Krogh");
        Accepted closed = referByAgency("EDUCATION", FYN, person);
        Accepted open = referByAgency("HEALTH", "dk-bornholm", person);
        queueEntry("dk-bornholm", open.referralId(), entry -> true);
        client.screen(closed.referralId(), ReferralClient.close("NO_CONCERN"), SCREENER);
        Instant due = awaitDueDate(closed.caseId());

        CLOCK.advance(Duration.ofDays(366));
        retention.fireDue();

        JsonNode view = client.get("/referrals/" + closed.referralId(), SCREENER).body();
        assertThat(view.get("personalDataErased").asBoolean()).isFalse();
        assertThat(view.get("subject").get("familyName").asText()).isEqualTo(person.familyName());
        assertThat(schedule.find(List.of(UUID.fromString(closed.caseId()))).values())
                .allSatisfy(entry -> assertThat(entry.dueAt()).isAfter(due));
    }

    /** Waits until the case is closed in the index and has its erasure due date. */
    private Instant awaitDueDate(String caseId) {
        UUID id = UUID.fromString(caseId);
        await(() -> cases.find(id).map(CaseIndex.IndexedCase::status).orElse(null),
                status -> status == CaseIndex.Status.CLOSED, "the case closed in the index");
        return await(() -> schedule.find(List.of(id)).get(id), entry -> entry != null, "the due date of " + caseId)
                .dueAt();
    }

    private static Map<String, Object> referralBody(String districtId, Person person) {
        return new HashMap<>(Map.of(
                "channel", "AGENCY",
                "referrerAgency", "EDUCATION",
                "districtId", districtId,
                "subject", Map.of("givenNames", person.givenNames(), "familyName", person.familyName(),
                        "dateOfBirth", person.dateOfBirth().toString()),
                "ageBand", "16_17",
                "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Shares invented propaganda videos in class"));
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.errorFields()).contains(field);
    }

    private static final String JUSTIFICATION = "Clear security risk: the school reports threats against a teacher";
}
