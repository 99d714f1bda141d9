package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;

/** The police screener's queue: what it lists (order, deadline, matches, linked referrals) and what it withholds. */
class ScreeningQueueIT extends MatchingItSupport {

    private static final String LUTON = "uk-luton";

    @Test
    void theQueueListsWaitingReferralsOldestFirstWithDeadlinesMatchesAndLinkedReferrals() {
        Person person = invented("Müller");
        Accepted school = referByAgency("EDUCATION", LUTON, person);
        Accepted health = referByAgency("HEALTH", LUTON, person.withFamilyName("Mueller"));
        Accepted socialServices = referByAgency("SOCIAL_SERVICES", LUTON, person);
        Accepted anonymous = refer("ONLINE_FORM", "PUBLIC", LUTON, null);
        queueEntry(LUTON, school.referralId(), e -> texts(e.get("linkedReferrals"))
                .contains(socialServices.referralId()) && proposes(e, "possibleMatches", health.caseId()));
        queueEntry(LUTON, anonymous.referralId(), e -> true);

        Answer answer = client.get("/screening-queue?districtId=" + LUTON, SCREENER);

        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> mine = entries(answer).stream().filter(e -> List.of(school.referralId(),
                health.referralId(), socialServices.referralId(), anonymous.referralId())
                .contains(e.get("referralId").asText())).toList();
        assertThat(mine).extracting(e -> e.get("referralId").asText()).containsExactly(school.referralId(),
                health.referralId(), socialServices.referralId(), anonymous.referralId());
        JsonNode first = mine.get(0);
        assertThat(Instant.parse(first.get("dueAt").asText()))
                .isEqualTo(Instant.parse(first.get("receivedAt").asText()).plus(Duration.ofDays(3)));
        assertThat(mine).allMatch(e -> !e.get("overdue").asBoolean());
        assertThat(first.get("caseId").asText()).isEqualTo(school.caseId());
        assertThat(first.get("channel").asText()).isEqualTo("AGENCY");
        assertThat(first.get("referrerAgency").asText()).isEqualTo("EDUCATION");
        assertThat(first.get("ageBand").asText()).isEqualTo("16_17");
        assertThat(texts(first.get("concernCategories"))).containsExactly("FAR_RIGHT");
        assertThat(texts(first.get("linkedReferrals"))).containsExactly(socialServices.referralId());
        JsonNode spelling = candidate(mine.get(1), "possibleMatches", school.caseId());
        assertThat(texts(spelling.get("reasons"))).containsExactly("FAMILY_NAME_SPELLING");
        assertThat(mine.get(2).get("linkedToCase").asText()).isEqualTo(school.caseId());
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("referralId", "caseId", "receivedAt", "dueAt",
                "overdue", "channel", "referrerAgency", "ageBand", "concernCategories", "possibleMatches",
                "priorInvolvement", "linkedReferrals");
        assertThat(answer.body().toString()).doesNotContain(person.givenNames(), "Müller", "Mueller", "ller",
                person.dateOfBirth().toString(), "propaganda", "subject", "concernSummary");
    }

    @Test
    void aReferralIsOverdueOnceItsDistrictsDeadlinePassesAndLeavesTheQueueWhenScreened() {
        Accepted waiting = referByAgency("YOUTH_SERVICES", LUTON, invented("Okafor"));
        Accepted screened = referByAgency("YOUTH_SERVICES", LUTON, invented("Okafor"));
        queueEntry(LUTON, screened.referralId(), e -> true);
        assertThat(queueEntry(LUTON, waiting.referralId(), e -> true).get("overdue").asBoolean()).isFalse();

        CLOCK.advance(Duration.ofDays(4));
        client.screen(screened.referralId(), ReferralClient.clear(), SCREENER);

        assertThat(queueEntry(LUTON, waiting.referralId(), e -> true).get("overdue").asBoolean()).isTrue();
        await(() -> findEntry(LUTON, screened.referralId()), java.util.Optional::isEmpty, "the screened referral");
    }

    @Test
    void theQueueIsForPoliceScreenersOnly() {
        for (ReferralClient.As caller : new ReferralClient.As[] {SOCIAL_WORKER, POLICE_OFFICER}) {
            Answer answer = client.get("/screening-queue?districtId=" + LUTON, caller);

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body().has("referrals")).isFalse();
        }
        assertThat(client.get("/screening-queue?districtId=" + LUTON, ReferralClient.PUBLIC).status())
                .isEqualTo(401);
    }

    @Test
    void aScreenerOfAnotherDistrictFindsNoQueueHere() {
        Answer elsewhere = client.get("/screening-queue?districtId=" + LUTON, SCREENER.in("dk-fyn"));

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body().has("referrals")).isFalse();
        assertThat(client.get("/screening-queue?districtId=" + LUTON, SCREENER.in(LUTON)).status()).isEqualTo(200);
    }

    @Test
    void theQueueNeedsAKnownDistrict() {
        Answer missing = client.get("/screening-queue", SCREENER);
        Answer unknown = client.get("/screening-queue?districtId=xx-nowhere", SCREENER);

        for (Answer answer : List.of(missing, unknown)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorFields()).containsExactly("districtId");
        }
    }

    private static List<JsonNode> entries(Answer answer) {
        return java.util.stream.StreamSupport.stream(answer.body().get("referrals").spliterator(), false).toList();
    }
}
