package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.EventTopics.formulationAgreed;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.OWNER_ID;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.commissionBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;

/**
 * The plan's rules as the case owner and a provider meet them over HTTP: consent (a guardian's below the age of
 * consent), its withdrawal suspending commissions, registered providers only, owners from the panel, reviews,
 * concerns bringing them forward, and escalation sealing the plan.
 */
class PlanRulesIT extends PlanHttpTest {

    private static final String AGE_BANDS_GROUP = "plan-service.age-bands";

    private HttpJsonClient provider;

    @BeforeEach
    void provider() {
        provider = plans.provider(PROVIDER);
    }

    @Test
    void anAdultConsentsForThemselvesWhileAChildNeedsAGuardian() throws Exception {
        UUID adult = referredAndPlanned(AgeBand.AGE_18_24);
        UUID child = referredAndPlanned(AgeBand.AGE_12_15);

        Response adultsOwn = consent(adult, "SUBJECT");
        Response childsOwn = consent(child, "SUBJECT");
        Response guardians = consent(child, "GUARDIAN");

        assertThat(adultsOwn.status()).isEqualTo(201);
        assertThat(childsOwn.status()).isEqualTo(400);
        assertThat(childsOwn.errorFields()).containsExactly("givenBy");
        assertThat(guardians.status()).isEqualTo(201);
        JsonNode consent = owner.get("/plans/" + child).body().path("consents").path(0);
        assertThat(consent.path("consentId").asText()).isEqualTo(guardians.body().path("consentId").asText());
        assertThat(consent.path("givenBy").asText()).isEqualTo("GUARDIAN");
        assertThat(consent.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(consent.path("recordedBy").asText()).isEqualTo(OWNER_ID);
    }

    @Test
    void withdrawingConsentSuspendsItsCommissionsAndBringsTheReviewForward() throws Exception {
        UUID caseId = ownedPlan();
        String consentId = plans.consent(caseId).body().path("consentId").asText();
        String commissionId = plans.commissioned(caseId, PROVIDER);
        provider.post("/commissions/" + commissionId + "/acceptance");

        Response withdrawn = owner.post("/plans/" + caseId + "/consents/withdrawal", Map.of("consentId", consentId));

        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode plan = withdrawn.body();
        assertThat(plan.path("consents").path(0).path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(plan.path("commissions").path(0).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(texts(plan.path("attention").path("suspendedCommissions"))).containsExactly(commissionId);
        assertThat(Instant.parse(plan.path("nextReviewDue").asText()))
                .isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        Response started = provider.post("/commissions/" + commissionId + "/start");
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.errorFields()).containsExactly("status");
        assertThat(owner.post("/plans/" + caseId + "/consents/withdrawal", Map.of("consentId", consentId)).status())
                .isEqualTo(409);
    }

    @Test
    void commissioningNeedsConsentARegisteredProviderAndANeedOfThePlan() throws Exception {
        UUID caseId = ownedPlan();

        Response withoutConsent = owner.post("/plans/" + caseId + "/commissions", commissionBody());
        plans.consent(caseId);
        Response providerElsewhere = owner.post("/plans/" + caseId + "/commissions",
                commissionBody("ngo-elsewhere"));
        Map<String, Object> housing = new HashMap<>(commissionBody());
        housing.put("needAddressed", "housing");
        Response otherNeed = owner.post("/plans/" + caseId + "/commissions", housing);

        assertThat(withoutConsent.status()).isEqualTo(409);
        assertThat(withoutConsent.errorFields()).containsExactly("consent");
        assertThat(providerElsewhere.status()).isEqualTo(400);
        assertThat(providerElsewhere.errorFields()).containsExactly("providerId");
        assertThat(otherNeed.status()).isEqualTo(400);
        assertThat(otherNeed.errorFields()).containsExactly("needAddressed");
        assertThat(owner.post("/plans/" + caseId + "/commissions", commissionBody()).status()).isEqualTo(201);
    }

    @Test
    void theOwnerComesFromThePanelAndEveryOwnerStaysInTheHistory() throws Exception {
        UUID caseId = ownedPlan();

        Response offPanel = owner.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-jonas",
                "agency", "MENTAL_HEALTH"));
        Response handedOn = owner.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-jens",
                "agency", "POLICE"));

        assertThat(offPanel.status()).isEqualTo(409);
        assertThat(offPanel.errorFields()).containsExactly("agency");
        assertThat(handedOn.status()).isEqualTo(200);
        JsonNode plan = handedOn.body();
        assertThat(plan.path("owner").path("ownerRef").asText()).isEqualTo("owner-jens");
        assertThat(plan.path("ownerHistory").size()).isEqualTo(2);
        assertThat(plan.path("ownerHistory").path(0).path("ownerRef").asText()).isEqualTo("owner-lene");
        assertThat(plan.path("leadAgency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(texts(plan.path("panelAgencies"))).containsExactly("SOCIAL_SERVICES", "POLICE", "EDUCATION");
    }

    @Test
    void aReviewSetsTheNextOneAndAClosingReviewClosesTheCase() throws Exception {
        UUID caseId = ownedPlan();

        Response continued = owner.post("/plans/" + caseId + "/reviews", Map.of("decision", "CONTINUE"));
        Response closeWithoutOutcome = owner.post("/plans/" + caseId + "/reviews", Map.of("decision", "CLOSE"));
        Response closed = owner.post("/plans/" + caseId + "/reviews", Map.of("decision", "CLOSE",
                "outcome", "GOALS_MET"));

        assertThat(continued.status()).isEqualTo(200);
        Instant next = Instant.parse(continued.body().path("nextReviewDue").asText());
        assertThat(next).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(continued.body().path("reviews").path(0).path("reviewedBy").asText()).isEqualTo(OWNER_ID);
        assertThat(closeWithoutOutcome.status()).isEqualTo(400);
        assertThat(closeWithoutOutcome.errorFields()).containsExactly("outcome");
        assertThat(closed.body().path("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.body().path("closure").path("outcome").asText()).isEqualTo("GOALS_MET");
        assertThat(closed.body().path("reviews").path(1).path("decision").asText()).isEqualTo("CLOSE");
    }

    @Test
    void aConcernFromTheProviderBringsTheReviewForward() throws Exception {
        UUID caseId = ownedPlan();
        plans.consent(caseId);
        String commissionId = plans.commissioned(caseId, PROVIDER);
        provider.post("/commissions/" + commissionId + "/acceptance");
        provider.post("/commissions/" + commissionId + "/start");

        provider.post("/commissions/" + commissionId + "/progress", Map.of("engagement", "DISENGAGED",
                "concernRaised", true, "summary", "missed three sessions, new contacts online"));

        Instant next = Instant.parse(owner.get("/plans/" + caseId).body().path("nextReviewDue").asText());
        assertThat(next).isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60))
                .isAfter(Instant.now().plus(Duration.ofDays(6)));
    }

    @Test
    void anEscalatedPlanTakesNoFurtherCommandsAndIsSealedForThePoliceAlone() throws Exception {
        UUID caseId = ownedPlan();
        HttpJsonClient police = plans.as(TestTokens.bearer(Role.CASE_OWNER, Agency.POLICE, DISTRICT),
                "SAFEGUARDING");

        Response escalated = owner.post("/plans/" + caseId + "/escalation", Map.of("reason",
                "disclosed a plan to travel to a conflict zone", "escalatedTo", "POLICE_INVESTIGATION"));
        Response consentAfter = plans.consent(caseId);
        Response ownerReadsAfter = owner.get("/plans/" + caseId);
        Response policeReadsAfter = police.get("/plans/" + caseId);
        Response reviewWithoutDestination = owner.post("/plans/" + ownedPlan() + "/reviews",
                Map.of("decision", "ESCALATE", "reason", "imminent risk"));

        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.body().path("stage").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.body().path("escalation").path("escalatedTo").asText())
                .isEqualTo("POLICE_INVESTIGATION");
        // the case left the preventive track: outside the police it is as if it never existed
        assertThat(consentAfter.status()).isEqualTo(404);
        assertThat(ownerReadsAfter.status()).isEqualTo(404);
        assertThat(policeReadsAfter.status()).isEqualTo(200);
        assertThat(policeReadsAfter.body().path("stage").asText()).isEqualTo("ESCALATED");
        assertThat(reviewWithoutDestination.status()).isEqualTo(400);
        assertThat(reviewWithoutDestination.errorFields()).containsExactly("escalatedTo");
    }

    private UUID ownedPlan() throws Exception {
        UUID caseId = plans.openPlan();
        assertThat(plans.assignOwner(caseId).status()).isEqualTo(200);
        return caseId;
    }

    /** A referral of a person in the age band reaches plan-service, then the case's formulation is agreed. */
    private UUID referredAndPlanned(AgeBand band) throws Exception {
        UUID caseId = UUID.randomUUID();
        ReferralReceived referral = new ReferralReceived(caseId, DISTRICT, Instant.now(), UUID.randomUUID(), "0461",
                Channel.AGENCY, Agency.EDUCATION, null, EventTopics.subjectRefOf(caseId), null, band,
                List.of(ConcernCategory.FAR_RIGHT), null);
        topics.awaitHandled(AGE_BANDS_GROUP, topics.publish(CatalogueRecords.of(referral,
                UUID.randomUUID().toString(), UUID.randomUUID().toString())));
        topics.publish(formulationAgreed(caseId, DISTRICT));
        plans.awaitPlan(caseId);
        assertThat(plans.assignOwner(caseId).status()).isEqualTo(200);
        return caseId;
    }

    private Response consent(UUID caseId, String givenBy) {
        return owner.post("/plans/" + caseId + "/consents", Map.of("scope", List.of("MENTORING"),
                "givenBy", givenBy));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
