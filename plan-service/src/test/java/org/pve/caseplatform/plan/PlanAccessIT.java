package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.OTHER_PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.OWNER_ID;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;
import static org.pve.caseplatform.plan.PlanFixture.briefingFor;
import static org.pve.caseplatform.plan.PlanFixture.commissionBody;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;

/**
 * Who may see and do what with a plan and its commissions: roles that may never send an operation are refused,
 * plans and commissions outside the caller's district, agency or provider are answered exactly as missing ones,
 * actors are the callers themselves, and every read of case detail states its purpose and is written to the access
 * log.
 */
class PlanAccessIT extends PlanHttpTest {


    @Test
    void withoutATokenEveryEndpointIsUnauthorized() {
        UUID caseId = UUID.randomUUID();

        assertThat(plans.anonymous().get("/plans/" + caseId).status()).isEqualTo(401);
        assertThat(plans.anonymous().post("/plans/" + caseId + "/commissions", commissionBody()).status())
                .isEqualTo(401);
        assertThat(plans.anonymous().post("/commissions/" + caseId + "/acceptance").status()).isEqualTo(401);
    }

    @Test
    void aRoleThatMayNeverCommissionIsForbidden() throws Exception {
        UUID caseId = ownedPlan();

        Response panelMember = caller(Role.PANEL_MEMBER, Agency.SOCIAL_SERVICES, "ASSESSMENT")
                .post("/plans/" + caseId + "/commissions", commissionBody());
        Response provider = plans.provider(PROVIDER).post("/plans/" + caseId + "/commissions", commissionBody());

        assertThat(panelMember.status()).isEqualTo(403);
        assertThat(panelMember.contentType()).startsWith("application/problem+json");
        assertThat(provider.status()).isEqualTo(403);
        assertThat(plans.provider(PROVIDER).get("/plans/" + caseId).status()).as("providers never see plans")
                .isEqualTo(403);
        assertThat(owner.post("/commissions/" + UUID.randomUUID() + "/acceptance").status())
                .as("case owners never act for providers").isEqualTo(403);
    }

    @Test
    void anotherDistrictsPlanIsNotFoundExactlyAsAnUnknownCase() throws Exception {
        UUID caseId = ownedPlan();
        HttpJsonClient elsewhere = plans.as(TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, "dk-aarhus"),
                "CASE_MANAGEMENT");

        Response otherDistricts = elsewhere.get("/plans/" + caseId);
        Response unknown = elsewhere.get("/plans/" + UUID.randomUUID());

        assertThat(otherDistricts.status()).isEqualTo(404);
        assertThat(otherDistricts.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(elsewhere.post("/plans/" + caseId + "/commissions", commissionBody()).status()).isEqualTo(404);
        assertThat(elsewhere.post("/plans/" + caseId + "/closure", Map.of("outcome", "GOALS_MET")).status())
                .isEqualTo(404);
    }

    @Test
    void aCaseOwnerOfAnotherAgencyFindsNoPlanUntilTheirAgencyOwnsIt() throws Exception {
        UUID caseId = plans.openPlan();
        HttpJsonClient education = caller(Role.CASE_OWNER, Agency.EDUCATION, "CASE_MANAGEMENT");

        assertThat(education.get("/plans/" + caseId).status()).isEqualTo(404);
        assertThat(education.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-jens",
                "agency", "EDUCATION")).status()).as("only the lead agency assigns the owner").isEqualTo(404);

        Response handedOver = owner.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-jens",
                "agency", "EDUCATION"));

        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(education.get("/plans/" + caseId).status()).isEqualTo(200);
        assertThat(plans.consent(caseId).status()).as("the lead agency's owner still reaches the plan")
                .isEqualTo(201);
        assertThat(education.post("/plans/" + caseId + "/commissions", commissionBody()).status()).isEqualTo(201);
        assertThat(education.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-lene",
                "agency", "SOCIAL_SERVICES")).status()).isEqualTo(404);
        assertThat(caller(Role.CASE_OWNER, Agency.HEALTH, "CASE_MANAGEMENT").get("/plans/" + caseId).status())
                .isEqualTo(404);
    }

    @Test
    void anOwnerMustBeOfAnAgencyThatCanHoldACase() throws Exception {
        UUID caseId = plans.openPlan();

        Response publicOwner = owner.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "someone",
                "agency", "PUBLIC"));
        Response unknownAgency = owner.put("/plans/" + caseId + "/owner", Map.of("ownerRef", "someone",
                "agency", "GUILD"));

        assertThat(publicOwner.status()).isEqualTo(400);
        assertThat(publicOwner.errorFields()).containsExactly("agency");
        assertThat(unknownAgency.status()).isEqualTo(400);
        assertThat(unknownAgency.errorFields()).containsExactly("agency");
    }

    @Test
    void actorsAreTheCallersThemselves() throws Exception {
        UUID caseId = ownedPlan();
        Map<String, Object> inAnothersName = new HashMap<>(commissionBody());
        inAnothersName.put("commissionedBy", "owner-someone-else");
        String commissionId = plans.commissioned(caseId, PROVIDER);

        Response commissioned = owner.post("/plans/" + caseId + "/commissions", inAnothersName);
        Response closed = owner.post("/plans/" + caseId + "/closure", Map.of("outcome", "GOALS_MET",
                "closedBy", "owner-someone-else"));
        Response acceptedForAnother = plans.provider(PROVIDER).post("/commissions/" + commissionId + "/acceptance",
                Map.of("providerId", OTHER_PROVIDER));
        Response readForAnother = plans.provider(PROVIDER).get("/commissions/" + commissionId + "?providerId="
                + OTHER_PROVIDER);

        assertThat(commissioned.status()).isEqualTo(400);
        assertThat(commissioned.errorFields()).containsExactly("commissionedBy");
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.errorFields()).containsExactly("closedBy");
        assertThat(acceptedForAnother.status()).isEqualTo(400);
        assertThat(acceptedForAnother.errorFields()).containsExactly("providerId");
        assertThat(readForAnother.status()).isEqualTo(400);
        assertThat(readForAnother.errorFields()).containsExactly("providerId");
        assertThat(owner.get("/commissions/" + commissionId).body().path("commissionedBy").asText())
                .isEqualTo(OWNER_ID);
    }

    @Test
    void aProviderSeesAndActsOnItsOwnCommissionOnly() throws Exception {
        UUID caseId = ownedPlan();
        String providerAs = plans.commissioned(caseId, PROVIDER);
        String providerBs = plans.commissioned(caseId, OTHER_PROVIDER);
        HttpJsonClient providerA = plans.provider(PROVIDER);

        Response bsCommission = providerA.get("/commissions/" + providerBs);
        Response unknown = providerA.get("/commissions/" + UUID.randomUUID());
        Response acceptingBs = providerA.post("/commissions/" + providerBs + "/acceptance");
        Response decliningBs = providerA.post("/commissions/" + providerBs + "/decline", Map.of("reason", "full"));
        Response own = providerA.get("/commissions/" + providerAs);

        assertThat(bsCommission.status()).isEqualTo(404);
        assertThat(bsCommission.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(acceptingBs.status()).isEqualTo(404);
        assertThat(decliningBs.status()).isEqualTo(404);
        assertThat(own.status()).isEqualTo(200);
        assertThat(fieldNames(own.body())).as("absent members are left out")
                .contains("commissionId", "providerId", "serviceType", "needAddressed", "startBy", "status",
                        "briefing", "progress")
                .isSubsetOf("commissionId", "providerId", "serviceType", "needAddressed", "startBy", "status",
                        "briefing", "progress", "declineReason", "outcome", "stalled");
        assertThat(own.body().path("briefing").asText()).isEqualTo(briefingFor(PROVIDER));
        assertThat(own.body().toString()).doesNotContain(OTHER_PROVIDER, providerBs, caseId.toString(), OWNER_ID);
        assertThat(plans.provider(OTHER_PROVIDER).get("/commissions/" + providerBs).body().path("status").asText())
                .as("B's commission was left as it was").isEqualTo("COMMISSIONED");
    }

    @Test
    void theCaseOwnerSeesWhoCommissionedWhatForWhichCase() throws Exception {
        UUID caseId = ownedPlan();
        String commissionId = plans.commissioned(caseId, PROVIDER);

        JsonNode commission = owner.get("/commissions/" + commissionId).body();

        assertThat(commission.path("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(commission.path("commissionedBy").asText()).isEqualTo(OWNER_ID);
        assertThat(commission.path("commissionedAt").isTextual()).isTrue();
        assertThat(commission.path("briefing").asText()).isEqualTo(briefingFor(PROVIDER));
        assertThat(caller(Role.CASE_OWNER, Agency.EDUCATION, "CASE_MANAGEMENT")
                .get("/commissions/" + commissionId).status()).isEqualTo(404);
    }

    @Test
    void aReadOfCaseDetailStatesAPurposeTheRoleMayUseAndNeverProsecution() throws Exception {
        UUID caseId = ownedPlan();
        String commissionId = plans.commissioned(caseId, PROVIDER);
        String ownerToken = TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, DISTRICT);

        Response noPurpose = plans.anonymous().as(ownerToken).get("/plans/" + caseId);
        Response prosecution = plans.as(ownerToken, "PROSECUTION").get("/plans/" + caseId);
        Response providersPurpose = plans.as(ownerToken, "SERVICE_DELIVERY").get("/plans/" + caseId);
        Response providerWithoutPurpose = plans.anonymous().as(TestTokens.providerBearer(PROVIDER, DISTRICT))
                .get("/commissions/" + commissionId);

        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.errorFields()).containsExactly("X-Purpose");
        assertThat(prosecution.status()).isEqualTo(403);
        assertThat(prosecution.errorFields()).containsExactly("X-Purpose");
        assertThat(providersPurpose.status()).isEqualTo(403);
        assertThat(providerWithoutPurpose.status()).isEqualTo(400);
        assertThat(caller(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, "DATA_PROTECTION")
                .get("/plans/" + caseId).status()).as("the DPO reaches every plan of the district").isEqualTo(200);
    }

    @Test
    void everyReadOfCaseDetailIsWrittenToTheAccessLog() throws Exception {
        UUID caseId = ownedPlan();
        String commissionId = plans.commissioned(caseId, PROVIDER);

        assertThat(owner.get("/plans/" + caseId).status()).isEqualTo(200);
        assertThat(plans.provider(PROVIDER).get("/commissions/" + commissionId).status()).isEqualTo(200);

        List<JsonNode> reads = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.ACCESS_LOG,
                        record -> caseId.toString().equals(record.key()), found -> found.size() >= 2,
                        Duration.ofSeconds(30))
                .stream().map(PlanAccessIT::json).toList();
        assertThat(reads).extracting(read -> read.path("view").asText() + " " + read.path("who").asText() + " "
                        + read.path("role").asText() + " " + read.path("purpose").asText())
                .contains("plan " + OWNER_ID + " CASE_OWNER CASE_MANAGEMENT",
                        "commission " + TestTokens.idOf(Role.PROVIDER, Agency.NGO) + "-" + PROVIDER
                                + " PROVIDER SERVICE_DELIVERY");
        assertThat(reads).allSatisfy(read -> assertThat(read.path("districtId").asText()).isEqualTo(DISTRICT));
    }

    @Test
    void theApiDescriptionIsOpenAndNamesEveryEndpointOfTheMatrix() {
        Response api = plans.anonymous().get("/v3/api-docs");

        assertThat(api.status()).isEqualTo(200);
        assertThat(fieldNames(api.body().path("paths"))).containsExactlyInAnyOrder("/plans/{caseId}",
                "/plans/{caseId}/owner", "/plans/{caseId}/commissions", "/plans/{caseId}/closure",
                "/commissions/{commissionId}", "/commissions/{commissionId}/acceptance",
                "/commissions/{commissionId}/decline", "/commissions/{commissionId}/start",
                "/commissions/{commissionId}/progress", "/commissions/{commissionId}/completion",
                "/plans/{caseId}/consents", "/plans/{caseId}/consents/withdrawal", "/plans/{caseId}/reviews",
                "/plans/{caseId}/escalation", "/providers", "/providers/{providerId}/commissions",
                "/families/{familyId}/workbook", "/ops/parked", "/ops/parked/retry");
    }

    /** An owned plan with a guardian's consent to mentoring. */
    private UUID ownedPlan() throws Exception {
        UUID caseId = plans.openPlan();
        assertThat(plans.assignOwner(caseId).status()).isEqualTo(200);
        assertThat(plans.consent(caseId).status()).isEqualTo(201);
        return caseId;
    }

    private HttpJsonClient caller(Role role, Agency agency, String purpose) {
        return plans.as(TestTokens.bearer(role, agency, DISTRICT), purpose);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.newMapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
