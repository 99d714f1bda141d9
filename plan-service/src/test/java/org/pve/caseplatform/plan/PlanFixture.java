package org.pve.caseplatform.plan;

import static org.pve.caseplatform.plan.EventTopics.formulationAgreed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;

/**
 * The callers and steps the plan tests share: a case owner of the lead agency (SOCIAL_SERVICES, as the invented
 * formulations name it) drives a plan of district {@value #DISTRICT}; providers act on their commissions.
 */
final class PlanFixture {

    static final String DISTRICT = "dk-fyn";
    static final String PROVIDER = "ngo-bridge";
    /** Both providers are registered for mentoring in the district (providers.csv). */
    static final String OTHER_PROVIDER = "provider-mentor-house";
    static final String BRIEFING = "weekly sessions at the youth club";
    static final String OWNER_ID = TestTokens.idOf(Role.CASE_OWNER, Agency.SOCIAL_SERVICES);

    private final EventTopics topics;
    private final HttpJsonClient http;

    PlanFixture(EventTopics topics, HttpJsonClient http) {
        this.topics = topics;
        this.http = http;
    }

    /** A case owner of the lead agency in the district, reading for case management. */
    HttpJsonClient owner() {
        return as(TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, DISTRICT), "CASE_MANAGEMENT");
    }

    /** Staff of the provider, in the district, reading for service delivery. */
    HttpJsonClient provider(String providerId) {
        return as(TestTokens.providerBearer(providerId, DISTRICT), "SERVICE_DELIVERY");
    }

    HttpJsonClient as(String bearer, String purpose) {
        return http.as(bearer).purpose(purpose);
    }

    HttpJsonClient anonymous() {
        return http;
    }

    /** Publishes an agreed formulation for a new case and waits for its plan. */
    UUID openPlan() throws Exception {
        UUID caseId = UUID.randomUUID();
        topics.publish(formulationAgreed(caseId, DISTRICT));
        awaitPlan(caseId);
        return caseId;
    }

    JsonNode awaitPlan(UUID caseId) {
        Waiting.until("the plan of " + caseId, () -> owner().get("/plans/" + caseId).status() == 200);
        return owner().get("/plans/" + caseId).body();
    }

    Response assignOwner(UUID caseId) {
        return owner().put("/plans/" + caseId + "/owner", Map.of("ownerRef", "owner-lene", "agency",
                "SOCIAL_SERVICES"));
    }

    /**
     * Consent to mentoring, from a guardian: plan-service has seen no referral of these cases, so the person's age is
     * unknown and only a guardian's consent is taken.
     */
    Response consent(UUID caseId) {
        return owner().post("/plans/" + caseId + "/consents", Map.of("scope", List.of("MENTORING"),
                "givenBy", "GUARDIAN"));
    }

    /** A plan with an owner and a consent: a commission made to the provider; answers the commission's id. */
    String commissioned(UUID caseId, String providerId) {
        return owner().post("/plans/" + caseId + "/commissions", commissionBody(providerId))
                .body().path("commissionId").asText();
    }

    /** The briefing a commission to the provider carries: each provider's is its own. */
    static String briefingFor(String providerId) {
        return BRIEFING + " (" + providerId + ")";
    }

    static Map<String, Object> commissionBody() {
        return commissionBody(PROVIDER);
    }

    static Map<String, Object> commissionBody(String providerId) {
        return Map.of("providerId", providerId, "serviceType", "MENTORING", "needAddressed", "mentoring",
                "startBy", "2031-03-01", "briefing", briefingFor(providerId));
    }
}
