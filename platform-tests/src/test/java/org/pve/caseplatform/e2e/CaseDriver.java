package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drives invented cases through the lifecycle over the services' public HTTP APIs, each step sent by the persona
 * whose job it is, with a token from the real issuer (the lifecycle personas "e2e.*" of the test personas CSV).
 */
final class CaseDriver {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String REFERRER = "e2e.referrer";
    static final String SCREENER = "e2e.screener";
    static final String PROPOSER = "e2e.panel-police";
    static final String PROVIDER = "e2e.provider";
    static final String AUDITOR = "e2e.auditor";
    static final String DPO = "e2e.dpo";
    static final String ACCESS_RECORD = "CaseRecordAccessed";

    private final SecuredPlatform platform;
    private final PlatformClient client;
    private final IssuerTokens tokens;
    private final String assessment;

    CaseDriver(SecuredPlatform platform) {
        this(platform, platform.assessment());
    }

    /** Sends the assessment steps to the assessment-service instance at {@code assessment} (a base URL). */
    CaseDriver(SecuredPlatform platform, String assessment) {
        this.platform = platform;
        this.client = platform.client();
        this.tokens = platform.tokens();
        this.assessment = assessment;
    }

    PlatformClient client() {
        return client;
    }

    /** A referral and the case it opened. */
    record Referred(String referralId, String caseId) {
    }

    /** The invented person a referral is about, and what the referrer says. */
    record Subject(String givenNames, String familyName, String dateOfBirth, String concernSummary) {

        static Subject invented(String givenNames) {
            return new Subject(givenNames, "Testlund", "2009-03-14",
                    "Shares extremist material with classmates (invented)");
        }
    }

    /** A referral about an invented young person, cleared by the screener; returns the case id. */
    String referAndClear(String districtId, String givenNames) {
        Referred referred = refer(districtId, givenNames);
        client.expect(200, clear(referred.referralId()));
        return referred.caseId();
    }

    PlatformClient.Reply clear(String referralId) {
        return client.post(platform.referral() + "/referrals/" + referralId + "/screening", Map.of(
                "decision", "CLEAR", "rationale", "no security response needed"), tokens.auth(SCREENER));
    }

    Referred refer(String districtId, String givenNames) {
        return refer(districtId, Subject.invented(givenNames));
    }

    Referred refer(String districtId, Subject subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "AGENCY");
        body.put("referrerAgency", "EDUCATION");
        body.put("districtId", districtId);
        body.put("municipalityId", "0461");
        body.put("subject", Map.of("givenNames", subject.givenNames(), "familyName", subject.familyName(),
                "dateOfBirth", subject.dateOfBirth()));
        body.put("ageBand", "16_17");
        body.put("concernCategories", List.of("FAR_RIGHT"));
        body.put("concernSummary", subject.concernSummary());
        body.put("externalReference", "e2e-" + UUID.randomUUID());
        JsonNode accepted = client.expect(201,
                client.post(platform.referral() + "/referrals", body, tokens.auth(REFERRER)));
        return new Referred(accepted.get("referralId").asText(), accepted.get("caseId").asText());
    }

    /** Waits for the assessment, proposes a formulation and has every required agency endorse it. */
    void agreeFormulation(String caseId, String districtId) {
        agreeFormulation(caseId, districtId, "Isolated at school; receptive to a mentor (invented)");
    }

    void agreeFormulation(String caseId, String districtId, String summary) {
        JsonNode opened = client.await(assessment + "/assessments/" + caseId, PATIENCE,
                tokens.as(PROPOSER, "ASSESSMENT"));
        JsonNode proposed = client.expect(201, client.post(assessment + "/assessments/" + caseId
                        + "/formulations", Map.of("needs", List.of("mentoring", "education"),
                        "interventionLevel", "EARLY_SUPPORT", "leadAgency", leadAgency(districtId), "summary", summary),
                tokens.auth(PROPOSER)));
        int version = proposed.get("formulationVersion").asInt();
        String endorsements = assessment + "/assessments/" + caseId + "/formulations/" + version
                + "/endorsements";
        for (JsonNode agency : opened.get("requiredAgencies")) {
            client.expect(200, client.post(endorsements, Map.of("agency", agency.asText()),
                    tokens.auth(panel(agency.asText()))));
        }
    }

    /** Waits for the plan, then owner, one commission delivered in full, and closure; returns the commission id. */
    String deliverAndClose(String caseId, String districtId) {
        return deliverAndClose(caseId, districtId, "Weekly mentoring after school (invented)",
                "Attends every session (invented)");
    }

    String deliverAndClose(String caseId, String districtId, String briefing, String progress) {
        String owner = owner(districtId);
        String plan = platform.plan() + "/plans/" + caseId;
        client.await(plan, PATIENCE, tokens.as(owner, "CASE_MANAGEMENT"));
        client.expect(200, client.put(plan + "/owner", Map.of("ownerRef", owner, "agency", leadAgency(districtId)),
                tokens.auth(owner)));
        client.expect(201, client.post(plan + "/consents", Map.of("scope", List.of("MENTORING"),
                "givenBy", "GUARDIAN"), tokens.auth(owner)));
        JsonNode commissioned = client.expect(201, client.post(plan + "/commissions", Map.of(
                "providerId", "ngo-mentor-net", "serviceType", "MENTORING", "needAddressed", "mentoring",
                "startBy", LocalDate.now().plusDays(14).toString(), "briefing", briefing), tokens.auth(owner)));
        String commission = platform.plan() + "/commissions/" + commissioned.get("commissionId").asText();
        String[] provider = tokens.auth(PROVIDER);
        client.expect(200, client.post(commission + "/acceptance", Map.of(), provider));
        client.expect(200, client.post(commission + "/start", Map.of(), provider));
        client.expect(200, client.post(commission + "/progress", Map.of("engagement", "ENGAGED",
                "concernRaised", false, "summary", progress), provider));
        client.expect(200, client.post(commission + "/completion", Map.of("outcome", "mentoring goals met"),
                provider));
        client.expect(200, client.post(plan + "/closure", Map.of("outcome", "GOALS_MET"), tokens.auth(owner)));
        return commissioned.get("commissionId").asText();
    }

    /** The case's history once it holds {@code lastEventType}; the event types in the order audit lists them. */
    List<String> historyUntil(String caseId, String lastEventType) {
        JsonNode history = client.await(platform.audit() + "/cases/" + caseId + "/history",
                r -> r.status() == 200 && eventTypes(r.body()).contains(lastEventType), PATIENCE,
                tokens.as(AUDITOR, "AUDIT"));
        List<String> messageIds = new ArrayList<>();
        history.get("events").forEach(e -> messageIds.add(e.get("messageId").asText()));
        assertThat(messageIds).as("every event exactly once").doesNotHaveDuplicates();
        return eventTypes(history);
    }

    /** The domain events of a history, in order: the case's own record, without the access log's entries. */
    static List<String> eventTypes(JsonNode history) {
        return allEventTypes(history).stream().filter(type -> !type.equals(ACCESS_RECORD)).toList();
    }

    /** Every entry of a history, the access log's CaseRecordAccessed (one per case-detail read) included. */
    static List<String> allEventTypes(JsonNode history) {
        List<String> types = new ArrayList<>();
        if (history != null && history.has("events")) {
            history.get("events").forEach(e -> types.add(e.get("eventType").asText()));
        }
        return types;
    }

    JsonNode history(String caseId) {
        return client.expect(200, client.get(platform.audit() + "/cases/" + caseId + "/history",
                tokens.as(AUDITOR, "AUDIT")));
    }

    /** The practice model's lead: the police in the Bavarian Centre of Excellence, social services elsewhere. */
    static String leadAgency(String districtId) {
        return districtId.startsWith("de-") ? "POLICE" : "SOCIAL_SERVICES";
    }

    static String owner(String districtId) {
        return leadAgency(districtId).equals("POLICE") ? "e2e.owner-police" : "e2e.owner-social";
    }

    /** The lifecycle panel member who speaks for an agency. */
    static String panel(String agency) {
        return switch (agency) {
            case "POLICE" -> "e2e.panel-police";
            case "SOCIAL_SERVICES" -> "e2e.panel-social";
            case "HEALTH" -> "e2e.panel-health";
            case "PREFECTURE" -> "e2e.panel-prefecture";
            case "EDUCATION" -> "e2e.panel-education";
            default -> throw new IllegalArgumentException("no lifecycle panel member for " + agency);
        };
    }
}
