package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.referral.web.ReferralClient.Answer;
import org.pve.caseplatform.referral.web.ReferralClient.As;
import org.pve.caseplatform.support.security.Role;

/** "Known to": what it answers (known, and to which agencies) and what it withholds (cases, districts, the seal). */
class KnownToIT extends MatchingItSupport {

    @Test
    void aProfessionalLearnsWhichAgenciesKnowThePersonAndNothingMore() {
        Person person = invented("Halvorsen");
        Accepted fyn = referByAgency("EDUCATION", "dk-fyn", person);
        Accepted copenhagen = referByAgency("SOCIAL_SERVICES", "dk-koebenhavn", person);

        JsonNode answer = await(() -> knownTo(person, SOCIAL_WORKER).body(),
                body -> body.get("agencies").size() == 2, "both agencies").deepCopy();

        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("known", "agencies");
        assertThat(answer.get("known").asBoolean()).isTrue();
        assertThat(texts(answer.get("agencies"))).containsExactly("SOCIAL_SERVICES", "EDUCATION");
        assertThat(answer.toString()).doesNotContain(fyn.caseId(), copenhagen.caseId(), fyn.referralId(),
                copenhagen.referralId(), "dk-fyn", "dk-koebenhavn", "AWAITING", "OPEN");
    }

    @Test
    void aPersonNobodyReferredIsNotKnown() {
        JsonNode answer = knownTo(invented("Nobody"), SOCIAL_WORKER).body();

        assertThat(answer.get("known").asBoolean()).isFalse();
        assertThat(answer.get("agencies")).isEmpty();
    }

    @Test
    void aSealedCaseIsAsIfAbsentForAnyoneButThePolice() {
        Person person = invented("Vestergaard");
        Accepted referral = referByAgency("HEALTH", "dk-fyn", person);
        await(() -> knownTo(person, SOCIAL_WORKER).body(), body -> body.get("known").asBoolean(), "indexed");

        client.screen(referral.referralId(), ReferralClient.escalate("INTELLIGENCE_SERVICE"), SCREENER);

        JsonNode outsider = await(() -> knownTo(person, SOCIAL_WORKER).body(),
                body -> !body.get("known").asBoolean(), "the seal").deepCopy();
        assertThat(outsider.get("agencies")).isEmpty();
        JsonNode police = knownTo(person, POLICE_OFFICER).body();
        assertThat(police.get("known").asBoolean()).isTrue();
        assertThat(texts(police.get("agencies"))).containsExactly("HEALTH");
    }

    @Test
    void namesAreRequiredAndTheDateMustBeADate() {
        assertProblem(client.get("/subjects/known-to?familyName=Berg", SOCIAL_WORKER), "givenNames");
        assertProblem(client.get("/subjects/known-to?givenNames=Lea&familyName=", SOCIAL_WORKER), "familyName");
        assertProblem(client.get("/subjects/known-to?givenNames=Lea&familyName=Berg&dateOfBirth=soon",
                SOCIAL_WORKER), "dateOfBirth");
    }

    @Test
    void thePublicMayNotAskWhetherSomeoneIsKnown() {
        Answer anonymous = client.get("/subjects/known-to?givenNames=Lea&familyName=Berg", ReferralClient.PUBLIC);
        Answer referrer = client.get("/subjects/known-to?givenNames=Lea&familyName=Berg",
                new As(Role.REFERRER, Agency.PUBLIC, "*"));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(referrer.status()).isEqualTo(403);
        assertThat(anonymous.body().has("known")).isFalse();
        assertThat(referrer.body().has("known")).isFalse();
    }

    @Test
    void onlyCasesOfTheCallersDistrictsCountAndAnotherDistrictCannotBeNamed() {
        Person person = invented("Haugaard");
        referByAgency("HEALTH", "dk-fyn", person);
        await(() -> knownTo(person, SOCIAL_WORKER).body(), body -> body.get("known").asBoolean(), "indexed");

        JsonNode elsewhere = knownTo(person, SOCIAL_WORKER.in("dk-bornholm")).body();
        Answer named = client.get("/subjects/known-to?givenNames=" + person.givenNames() + "&familyName="
                + person.familyName() + "&dateOfBirth=" + person.dateOfBirth() + "&districtId=dk-fyn",
                SOCIAL_WORKER.in("dk-bornholm"));

        assertThat(elsewhere.get("known").asBoolean()).isFalse();
        assertThat(knownTo(person, SOCIAL_WORKER.in("dk-fyn")).body().get("known").asBoolean()).isTrue();
        assertThat(named.status()).isEqualTo(404);
    }

    private Answer knownTo(Person person, As caller) {
        return client.get("/subjects/known-to?givenNames=" + person.givenNames() + "&familyName="
                + person.familyName() + "&dateOfBirth=" + person.dateOfBirth(), caller);
    }

    private static void assertProblem(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.errorFields()).contains(field);
    }
}
