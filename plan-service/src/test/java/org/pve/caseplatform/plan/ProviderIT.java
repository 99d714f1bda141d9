package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.briefingFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * The provider registry as case owners choose from it, and a provider's worklist: only its own commissions, each
 * with its briefing and progress and nothing else of the case, another provider's worklist answered exactly as an
 * unknown provider's, and every listed commission written to the access log.
 */
class ProviderIT extends PlanHttpTest {

    private static final String PROVIDER_A = "ngo-bridge";
    private static final String PROVIDER_B = "provider-mentor-house";


    @Test
    void aCaseOwnerListsTheProvidersServingTheirDistrictOptionallyOfOneServiceType() {
        Response housing = owner.get("/providers?districtId=" + DISTRICT + "&serviceType=HOUSING_SUPPORT");
        Response all = owner.get("/providers?districtId=" + DISTRICT);

        assertThat(housing.status()).isEqualTo(200);
        assertThat(ids(housing.body())).containsExactly("ngo-bridge");
        JsonNode bridge = housing.body().get(0);
        assertThat(bridge.path("name").asText()).isEqualTo("Bridge Community Trust");
        assertThat(texts(bridge.path("serviceTypes"))).containsExactly("MENTORING", "HOUSING_SUPPORT",
                "FAMILY_SUPPORT");
        assertThat(texts(bridge.path("districts"))).containsExactly("dk-fyn", "uk-luton");
        assertThat(ids(all.body())).contains("ngo-bridge", "ngo-exit-fyn", "ngo-mentor-net", "ngo-x",
                "provider-mentor-house").doesNotContain("ngo-elsewhere", "provider-elsewhere");
        assertThat(caller(Role.PANEL_MEMBER, DISTRICT).get("/providers?districtId=" + DISTRICT).status())
                .isEqualTo(200);
    }

    @Test
    void theRegistryOfADistrictTheCallerDoesNotWorkInIsNotFound() {
        Response elsewhere = owner.get("/providers?districtId=dk-nordjylland");
        Response unknown = owner.get("/providers?districtId=xx-nowhere");

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(caller(Role.CASE_OWNER, "dk-nordjylland").get("/providers?districtId=dk-nordjylland").status())
                .isEqualTo(200);
    }

    @Test
    void theRegistryNeedsADistrictAKnownServiceTypeAndARoleThatChoosesProviders() {
        Response noDistrict = owner.get("/providers");
        Response badType = owner.get("/providers?districtId=" + DISTRICT + "&serviceType=ASTROLOGY");
        Response provider = plans.provider(PROVIDER_A).get("/providers?districtId=" + DISTRICT);

        assertThat(noDistrict.status()).isEqualTo(400);
        assertThat(noDistrict.errorFields()).containsExactly("districtId");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorFields()).containsExactly("serviceType");
        assertThat(provider.status()).isEqualTo(403);
        assertThat(plans.anonymous().get("/providers?districtId=" + DISTRICT).status()).isEqualTo(401);
    }

    @Test
    void aProviderSeesItsOwnCommissionsWithBriefingsAndNothingOfAnotherProviders() throws Exception {
        UUID caseId = ownedPlan();
        String providerAs = commissioned(caseId, PROVIDER_A);
        String providerBs = commissioned(caseId, PROVIDER_B);
        HttpJsonClient providerA = plans.provider(PROVIDER_A);

        JsonNode worklist = awaitWorklist(providerA, PROVIDER_A, providerAs);

        assertThat(worklist.path("providerId").asText()).isEqualTo(PROVIDER_A);
        JsonNode own = commission(worklist, providerAs);
        assertThat(own.path("serviceType").asText()).isEqualTo("MENTORING");
        assertThat(own.path("needAddressed").asText()).isEqualTo("mentoring");
        assertThat(own.path("startBy").asText()).isEqualTo("2031-03-01");
        assertThat(own.path("status").asText()).isEqualTo("COMMISSIONED");
        assertThat(own.path("briefing").asText()).isEqualTo(briefingFor(PROVIDER_A));
        assertThat(own.path("progress").isArray()).isTrue();
        assertThat(worklist.toString()).doesNotContain(providerBs, PROVIDER_B, briefingFor(PROVIDER_B),
                caseId.toString(), PlanFixture.OWNER_ID);
        assertThat(awaitWorklist(plans.provider(PROVIDER_B), PROVIDER_B, providerBs).toString())
                .doesNotContain(providerAs, briefingFor(PROVIDER_A));
    }

    @Test
    void anotherProvidersWorklistIsNotFoundExactlyAsAnUnknownProviders() {
        HttpJsonClient providerA = plans.provider(PROVIDER_A);

        Response bs = providerA.get("/providers/" + PROVIDER_B + "/commissions");
        Response unknown = providerA.get("/providers/ngo-unregistered/commissions");

        assertThat(bs.status()).isEqualTo(404);
        assertThat(bs.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(providerA.get("/providers/" + PROVIDER_A + "/commissions").status()).isEqualTo(200);
    }

    @Test
    void aWorklistReadStatesThePurposeOfServiceDelivery() {
        String token = TestTokens.providerBearer(PROVIDER_A, DISTRICT);

        Response none = plans.anonymous().as(token).get("/providers/" + PROVIDER_A + "/commissions");
        Response prosecution = plans.as(token, "PROSECUTION").get("/providers/" + PROVIDER_A + "/commissions");
        Response caseManagement = plans.as(token, "CASE_MANAGEMENT")
                .get("/providers/" + PROVIDER_A + "/commissions");

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorFields()).containsExactly("X-Purpose");
        assertThat(prosecution.status()).isEqualTo(403);
        assertThat(caseManagement.status()).isEqualTo(403);
        assertThat(owner.get("/providers/" + PROVIDER_A + "/commissions").status())
                .as("a case owner reads commissions on the plan, not a provider's worklist").isEqualTo(403);
    }

    @Test
    void theDataProtectionOfficerReadsAnyProvidersWorklistOfTheirDistrictsAndEachReadIsLogged() throws Exception {
        UUID caseId = ownedPlan();
        String commissionId = commissioned(caseId, PROVIDER_A);
        HttpJsonClient dpo = plans.as(TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES,
                DISTRICT), "DATA_PROTECTION");
        HttpJsonClient dpoElsewhere = plans.as(TestTokens.bearer(Role.DATA_PROTECTION_OFFICER,
                Agency.SOCIAL_SERVICES, "dk-nordjylland"), "DATA_PROTECTION");

        awaitWorklist(plans.provider(PROVIDER_A), PROVIDER_A, commissionId);

        assertThat(ids(dpo.get("/providers/" + PROVIDER_A + "/commissions").body().path("commissions"),
                "commissionId")).contains(commissionId);
        assertThat(ids(dpoElsewhere.get("/providers/" + PROVIDER_A + "/commissions").body().path("commissions"),
                "commissionId")).doesNotContain(commissionId);
        List<JsonNode> reads = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.ACCESS_LOG,
                        record -> caseId.toString().equals(record.key()), found -> found.size() >= 2,
                        Duration.ofSeconds(30))
                .stream().map(ProviderIT::json).toList();
        assertThat(reads).extracting(read -> read.path("view").asText() + " " + read.path("role").asText() + " "
                        + read.path("purpose").asText())
                .contains("provider-worklist PROVIDER SERVICE_DELIVERY",
                        "provider-worklist DATA_PROTECTION_OFFICER DATA_PROTECTION");
    }

    private JsonNode awaitWorklist(HttpJsonClient client, String providerId, String commissionId) {
        String path = "/providers/" + providerId + "/commissions";
        Waiting.until("commission " + commissionId + " in the worklist of " + providerId,
                () -> ids(client.get(path).body().path("commissions"), "commissionId").contains(commissionId));
        return client.get(path).body();
    }

    /** An owned plan whose guardian consented to mentoring, so it can be commissioned from providers. */
    private UUID ownedPlan() throws Exception {
        UUID caseId = plans.openPlan();
        assertThat(plans.assignOwner(caseId).status()).isEqualTo(200);
        assertThat(plans.consent(caseId).status()).isEqualTo(201);
        return caseId;
    }

    private String commissioned(UUID caseId, String providerId) {
        String commissionId = plans.commissioned(caseId, providerId);
        assertThat(commissionId).as("commissioned from " + providerId).isNotBlank();
        return commissionId;
    }

    private HttpJsonClient caller(Role role, String district) {
        return plans.as(TestTokens.bearer(role, Agency.SOCIAL_SERVICES, district), "CASE_MANAGEMENT");
    }

    private static JsonNode commission(JsonNode worklist, String commissionId) {
        return StreamSupport.stream(worklist.path("commissions").spliterator(), false)
                .filter(node -> node.path("commissionId").asText().equals(commissionId))
                .findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode providers) {
        return ids(providers, "providerId");
    }

    private static List<String> ids(JsonNode array, String member) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(member).asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.newMapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
