package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives invented cases through the lifecycle over the services' public HTTP APIs. */
final class CaseDriver {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final PlatformClient client = new PlatformClient();
    private final String referral;
    private final String assessment;
    private final String plan;
    private final String audit;

    CaseDriver(String referral, String assessment, String plan, String audit) {
        this.referral = referral;
        this.assessment = assessment;
        this.plan = plan;
        this.audit = audit;
    }

    PlatformClient client() {
        return client;
    }

    /** A referral and the case it opened. */
    record Referred(String referralId, String caseId) {
    }

    /** A referral about an invented young person, cleared by the screener; returns the case id. */
    String referAndClear(String districtId, String givenNames) {
        Referred referred = refer(districtId, givenNames);
        client.expect(200, clear(referred.referralId()));
        return referred.caseId();
    }

    PlatformClient.Reply clear(String referralId) {
        return client.post(referral + "/referrals/" + referralId + "/screening", Map.of(
                "decision", "CLEAR", "screenedBy", "screener-ole", "rationale", "no security response needed"),
                "X-Caller-Id", "screener-ole", "X-Caller-Role", "POLICE_SCREENER", "X-Caller-Agency", "POLICE");
    }

    Referred refer(String districtId, String givenNames) {
        JsonNode accepted = client.expect(201, client.post(referral + "/referrals", Map.of(
                "channel", "AGENCY",
                "referrerAgency", "EDUCATION",
                "districtId", districtId,
                "municipalityId", "0461",
                "subject", Map.of("givenNames", givenNames, "familyName", "Testlund", "dateOfBirth", "2009-03-14"),
                "ageBand", "16_17",
                "concernCategories", List.of("FAR_RIGHT"),
                "concernSummary", "Shares extremist material with classmates (invented)",
                "externalReference", "e2e-" + UUID.randomUUID())));
        return new Referred(accepted.get("referralId").asText(), accepted.get("caseId").asText());
    }

    /** Waits for the assessment, proposes a formulation and has every required agency endorse it. */
    void agreeFormulation(String caseId) {
        JsonNode opened = client.await(assessment + "/assessments/" + caseId, r -> r.status() == 200, PATIENCE);
        JsonNode proposed = client.expect(201, client.post(assessment + "/assessments/" + caseId + "/formulations",
                Map.of("needs", List.of("mentoring", "education"), "interventionLevel", "EARLY_SUPPORT",
                        "leadAgency", "SOCIAL_SERVICES", "proposedBy", "panel-ana",
                        "summary", "Isolated at school; receptive to a mentor (invented)")));
        int version = proposed.get("formulationVersion").asInt();
        for (JsonNode agency : opened.get("requiredAgencies")) {
            client.expect(200, client.post(assessment + "/assessments/" + caseId + "/formulations/" + version
                    + "/endorsements", Map.of("agency", agency.asText(), "endorsedBy", "panel-" + agency.asText())));
        }
    }

    /** Waits for the plan, then owner, one commission delivered in full, and closure. */
    void deliverAndClose(String caseId) {
        client.await(plan + "/plans/" + caseId, r -> r.status() == 200, PATIENCE);
        client.expect(200, client.put(plan + "/plans/" + caseId + "/owner",
                Map.of("ownerRef", "owner-sofie", "agency", "SOCIAL_SERVICES")));
        JsonNode commissioned = client.expect(201, client.post(plan + "/plans/" + caseId + "/commissions", Map.of(
                "providerId", "ngo-mentor-net", "serviceType", "MENTORING", "needAddressed", "mentoring",
                "startBy", LocalDate.now().plusDays(14).toString(), "commissionedBy", "owner-sofie",
                "briefing", "Weekly mentoring after school (invented)")));
        String commission = plan + "/commissions/" + commissioned.get("commissionId").asText();
        Map<String, String> provider = Map.of("providerId", "ngo-mentor-net");
        client.expect(200, client.post(commission + "/acceptance", provider));
        client.expect(200, client.post(commission + "/start", provider));
        client.expect(200, client.post(commission + "/progress", Map.of("providerId", "ngo-mentor-net",
                "engagement", "ENGAGED", "concernRaised", false, "summary", "Attends every session (invented)")));
        client.expect(200, client.post(commission + "/completion",
                Map.of("providerId", "ngo-mentor-net", "outcome", "mentoring goals met")));
        client.expect(200, client.post(plan + "/plans/" + caseId + "/closure",
                Map.of("outcome", "GOALS_MET", "closedBy", "owner-sofie")));
    }

    /** The case's history once it holds {@code lastEventType}; the event types in the order audit lists them. */
    List<String> historyUntil(String caseId, String lastEventType) {
        JsonNode history = client.await(audit + "/cases/" + caseId + "/history",
                r -> r.status() == 200 && eventTypes(r.body()).contains(lastEventType), PATIENCE);
        List<String> messageIds = new ArrayList<>();
        history.get("events").forEach(e -> messageIds.add(e.get("messageId").asText()));
        assertThat(messageIds).as("every event exactly once").doesNotHaveDuplicates();
        return eventTypes(history);
    }

    static List<String> eventTypes(JsonNode history) {
        List<String> types = new ArrayList<>();
        if (history != null && history.has("events")) {
            history.get("events").forEach(e -> types.add(e.get("eventType").asText()));
        }
        return types;
    }
}
