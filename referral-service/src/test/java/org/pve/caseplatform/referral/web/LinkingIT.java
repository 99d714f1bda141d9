package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;

/** Joining the pieces: exact links at intake, probable matches proposed, the screener's links, undo and rejections. */
class LinkingIT extends MatchingItSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSecondAgencysReferralAboutThePersonOfAnOpenCaseJoinsThatCase() throws Exception {
        Person jonas = new Person("Jonas", "Müller", LocalDate.of(2008, 2, 11));
        Accepted school = referByAgency("EDUCATION", "dk-fyn", jonas);
        Accepted socialServices = referByAgency("SOCIAL_SERVICES", "dk-fyn", jonas);

        assertThat(socialServices.caseId()).isEqualTo(school.caseId());
        assertThat(socialServices.referralId()).isNotEqualTo(school.referralId());
        List<ConsumerRecord<String, String>> linked = only(recordsOf(school.caseId(), "ReferralLinkedToCase"),
                "ReferralLinkedToCase");
        assertThat(linked).hasSize(1);
        JsonNode link = json.readTree(linked.get(0).value());
        assertThat(link.get("referralId").asText()).isEqualTo(socialServices.referralId());
        assertThat(link.get("linkedBy").asText()).isEqualTo("AUTOMATIC");
        assertThat(link.path("previousCaseId").isMissingNode() || link.get("previousCaseId").isNull()).isTrue();
        JsonNode first = queueEntry("dk-fyn", school.referralId(),
                entry -> texts(entry.get("linkedReferrals")).contains(socialServices.referralId()));
        JsonNode second = queueEntry("dk-fyn", socialServices.referralId(), entry -> true);
        assertThat(first.path("possibleMatches")).isEmpty();
        assertThat(second.get("linkedToCase").asText()).isEqualTo(school.caseId());
        assertThat(texts(second.get("linkedReferrals"))).containsExactly(school.referralId());
    }

    static Stream<Arguments> probableMatches() {
        Person swapped = invented(inventedName());
        Person undated = invented("Haddad").withoutDateOfBirth();
        return Stream.of(
                variant("Müller / Mueller", invented("Müller"), p -> p.withFamilyName("Mueller"),
                        "FAMILY_NAME_SPELLING"),
                variant("Müller / Muller", invented("Müller"), p -> p.withFamilyName("Muller"),
                        "FAMILY_NAME_SPELLING"),
                variant("Mueller / Muller", invented("Mueller"), p -> p.withFamilyName("Muller"),
                        "FAMILY_NAME_SPELLING"),
                variant("Mohammed / Muhammad", invented("Mohammed"), p -> p.withFamilyName("Muhammad"),
                        "FAMILY_NAME_SPELLING"),
                variant("Mohammed / Mohamed", invented("Mohammed"), p -> p.withFamilyName("Mohamed"),
                        "FAMILY_NAME_SPELLING"),
                variant("given and family names swapped", swapped, Person::swapped, "NAMES_SWAPPED"),
                variant("one part of a hyphenated family name", invented("Schmidt-Yilmaz"),
                        p -> p.withFamilyName("Yilmaz"), "DOUBLE_FAMILY_NAME"),
                variant("a double family name without its hyphen", invented("Schmidt-Yilmaz"),
                        p -> p.withFamilyName("Schmidt Yilmaz"), "FAMILY_NAME_SPELLING"),
                variant("a missing date of birth", invented("Haddad"), Person::withoutDateOfBirth,
                        "MISSING_DATE_OF_BIRTH"),
                variant("no date of birth on either side", undated, p -> p, "MISSING_DATE_OF_BIRTH"));
    }

    private static Arguments variant(String name, Person first, UnaryOperator<Person> second, String reason) {
        return Arguments.of(name, first, second.apply(first), reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probableMatches")
    void aProbableMatchIsProposedBothWaysAndNotLinked(String variant, Person first, Person second, String reason) {
        Accepted earlier = referByAgency("EDUCATION", "dk-fyn", first);
        Accepted later = referByAgency("HEALTH", "dk-fyn", second);

        assertThat(later.caseId()).as(variant).isNotEqualTo(earlier.caseId());
        JsonNode entry = queueEntry("dk-fyn", later.referralId(),
                e -> proposes(e, "possibleMatches", earlier.caseId()));
        JsonNode proposal = candidate(entry, "possibleMatches", earlier.caseId());
        assertThat(proposal.get("kind").asText()).isEqualTo("PROBABLE_MATCH");
        assertThat(texts(proposal.get("reasons"))).contains(reason);
        assertThat(fieldNames(proposal)).containsExactlyInAnyOrder("candidateCaseId", "kind", "reasons");
        assertThat(entry.has("linkedToCase")).isFalse();
        assertThat(caseOf(later.referralId())).isEqualTo(later.caseId());
        queueEntry("dk-fyn", earlier.referralId(), e -> proposes(e, "possibleMatches", later.caseId()));
    }

    @Test
    void theScreenerConfirmsAProbableMatchAndCanUndoTheLink() throws Exception {
        Person lea = invented("Müller");
        Accepted school = referByAgency("EDUCATION", "dk-fyn", lea);
        Accepted health = referByAgency("HEALTH", "dk-fyn", lea.withFamilyName("Mueller"));
        queueEntry("dk-fyn", health.referralId(), e -> proposes(e, "possibleMatches", school.caseId()));
        String links = "/referrals/" + health.referralId() + "/links";
        Map<String, String> decision = Map.of("caseId", school.caseId());

        assertThat(client.post(links, decision, SOCIAL_WORKER).status()).isEqualTo(403);
        assertProblem(client.post(links, Map.of("caseId", UUID.randomUUID().toString()), SCREENER), 409, "caseId");
        assertProblem(client.post(links, Map.of("caseId", school.caseId(), "decidedBy", "screener-amara"),
                SCREENER), 400, "decidedBy");
        Answer linked = client.post(links, decision, SCREENER);

        assertThat(linked.status()).as(linked.body().toString()).isEqualTo(200);
        assertThat(linked.body().get("caseId").asText()).isEqualTo(school.caseId());
        JsonNode link = json.readTree(only(recordsOf(school.caseId(), "ReferralLinkedToCase"),
                "ReferralLinkedToCase").get(0).value());
        assertThat(link.get("previousCaseId").asText()).isEqualTo(health.caseId());
        assertThat(link.get("linkedBy").asText()).isEqualTo(SCREENER.id());
        queueEntry("dk-fyn", school.referralId(),
                e -> texts(e.get("linkedReferrals")).contains(health.referralId()));
        assertThat(queueEntry("dk-fyn", health.referralId(), e -> e.has("linkedToCase"))
                .get("linkedToCase").asText()).isEqualTo(school.caseId());

        Answer undone = client.post(links + "/undo", Map.of(
                "rationale", "A cousin with the same name"), SCREENER);

        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        assertThat(undone.body().get("caseId").asText()).isEqualTo(health.caseId());
        JsonNode unlink = json.readTree(only(recordsOf(school.caseId(), "ReferralUnlinkedFromCase"),
                "ReferralUnlinkedFromCase").get(0).value());
        assertThat(unlink.get("restoredCaseId").asText()).isEqualTo(health.caseId());
        assertThat(unlink.get("unlinkedBy").asText()).isEqualTo(SCREENER.id());
        queueEntry("dk-fyn", school.referralId(), e -> e.get("linkedReferrals").isEmpty());
        assertProblem(client.post(links + "/undo", Map.of("rationale", "again"),
                SCREENER), 409, "referralId");
    }

    @Test
    void aLinkedReferralIsScreenedOnTheCaseItJoined() throws Exception {
        Person ida = invented("Mohammed");
        Accepted school = referByAgency("EDUCATION", "dk-fyn", ida);
        Accepted health = referByAgency("HEALTH", "dk-fyn", ida.withFamilyName("Mohamed"));
        queueEntry("dk-fyn", health.referralId(), e -> proposes(e, "possibleMatches", school.caseId()));
        client.post("/referrals/" + health.referralId() + "/links",
                Map.of("caseId", school.caseId()), SCREENER);

        assertThat(client.screen(health.referralId(), ReferralClient.clear(), SCREENER).status()).isEqualTo(200);

        JsonNode cleared = json.readTree(only(recordsOf(school.caseId(), "SecurityScreenCleared"),
                "SecurityScreenCleared").get(0).value());
        assertThat(cleared.get("referralId").asText()).isEqualTo(health.referralId());
    }

    @Test
    void aRejectedMatchIsNoLongerProposedEitherWayAndCannotBeLinked() {
        Person omar = invented("Mohammed");
        Accepted school = referByAgency("EDUCATION", "dk-fyn", omar);
        Accepted health = referByAgency("HEALTH", "dk-fyn", omar.withFamilyName("Muhammad"));
        queueEntry("dk-fyn", health.referralId(), e -> proposes(e, "possibleMatches", school.caseId()));
        Map<String, String> rejection = Map.of("caseId", school.caseId());

        Answer rejected = client.post("/referrals/" + health.referralId() + "/match-rejections", rejection,
                SCREENER);

        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(only(recordsOf(health.caseId(), "ProbableMatchRejected"), "ProbableMatchRejected")).hasSize(1);
        queueEntry("dk-fyn", health.referralId(), e -> e.get("possibleMatches").isEmpty());
        queueEntry("dk-fyn", school.referralId(), e -> !proposes(e, "possibleMatches", health.caseId()));
        assertProblem(client.post("/referrals/" + health.referralId() + "/links", rejection, SCREENER), 409,
                "caseId");
    }

    @Test
    void aCaseInAnotherDistrictIsPriorInvolvementWithoutDetailLinkedOnlyByTheScreener() {
        Person yusuf = new Person("Yusuf", "Mohammed", LocalDate.of(2007, 9, 30));
        Accepted fyn = referByAgency("EDUCATION", "dk-fyn", yusuf);
        Accepted copenhagen = referByAgency("HEALTH", "dk-koebenhavn", yusuf);

        assertThat(copenhagen.caseId()).isNotEqualTo(fyn.caseId());
        JsonNode entry = queueEntry("dk-koebenhavn", copenhagen.referralId(),
                e -> proposes(e, "priorInvolvement", fyn.caseId()));
        JsonNode prior = candidate(entry, "priorInvolvement", fyn.caseId());
        assertThat(prior.get("kind").asText()).isEqualTo("OTHER_DISTRICT");
        assertThat(texts(prior.get("reasons"))).containsExactly("SAME_IDENTITY");
        assertThat(fieldNames(prior)).containsExactlyInAnyOrder("candidateCaseId", "kind", "reasons");
        assertThat(entry.get("possibleMatches")).isEmpty();
        assertThat(caseOf(copenhagen.referralId())).isEqualTo(copenhagen.caseId());

        Answer linked = client.post("/referrals/" + copenhagen.referralId() + "/links",
                Map.of("caseId", fyn.caseId()), SCREENER);

        assertThat(linked.status()).as(linked.body().toString()).isEqualTo(200);
        assertThat(caseOf(copenhagen.referralId())).isEqualTo(fyn.caseId());
    }

    @Test
    void anEarlierCaseClosedAtScreeningIsPriorInvolvementNotAnOpenCaseToJoin() {
        Person noor = invented("Dahl");
        Accepted first = referByAgency("EDUCATION", "dk-fyn", noor);
        queueEntry("dk-fyn", first.referralId(), e -> true);
        client.screen(first.referralId(), ReferralClient.close("NO_CONCERN"), SCREENER);
        await(() -> findEntry("dk-fyn", first.referralId()), java.util.Optional::isEmpty, "the screened referral");

        Accepted again = referByAgency("HEALTH", "dk-fyn", noor);

        assertThat(again.caseId()).isNotEqualTo(first.caseId());
        JsonNode prior = candidate(queueEntry("dk-fyn", again.referralId(),
                e -> proposes(e, "priorInvolvement", first.caseId())), "priorInvolvement", first.caseId());
        assertThat(prior.get("kind").asText()).isEqualTo("PRIOR_CLOSED_CASE");
        assertThat(texts(prior.get("reasons"))).containsExactly("SAME_IDENTITY");
    }

    @Test
    void anAnonymousReferralIsNeverLinked() {
        Accepted one = refer("HELPLINE", "PUBLIC", "dk-fyn", null);
        Accepted other = refer("HELPLINE", "PUBLIC", "dk-fyn", null);

        assertThat(caseOf(one.referralId())).isNotEqualTo(caseOf(other.referralId()));
        for (Accepted anonymous : List.of(one, other)) {
            JsonNode entry = queueEntry("dk-fyn", anonymous.referralId(), e -> true);
            assertThat(entry.get("possibleMatches")).isEmpty();
            assertThat(entry.get("priorInvolvement")).isEmpty();
            assertThat(entry.get("linkedReferrals")).isEmpty();
            assertThat(entry.has("linkedToCase")).isFalse();
        }
    }

    @Test
    void aPublicReferrerCannotTellAKnownPersonFromANewOne() {
        Person known = invented("Lindqvist");
        Accepted agency = referByAgency("EDUCATION", "dk-fyn", known);

        Accepted aboutTheKnown = refer("HELPLINE", "PUBLIC", "dk-fyn", known);
        Accepted aboutSomeoneNew = refer("HELPLINE", "PUBLIC", "dk-fyn", invented("Lindqvist"));

        assertThat(aboutTheKnown.status()).isEqualTo(aboutSomeoneNew.status()).isEqualTo(201);
        assertThat(fieldNames(aboutTheKnown.body())).containsExactlyElementsOf(fieldNames(aboutSomeoneNew.body()))
                .doesNotContain("caseId");
        assertThat(aboutTheKnown.body().get("created")).isEqualTo(aboutSomeoneNew.body().get("created"));
        assertThat(caseOf(aboutTheKnown.referralId())).isEqualTo(agency.caseId());
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.errorFields()).contains(field);
    }
}
