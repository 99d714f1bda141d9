package org.pve.caseplatform.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Takes one invented case from referral to closure over the public interfaces, as the README demo does: referral
 * (inbound Kafka or POST /referrals), screening CLEAR, a formulation proposed and endorsed by every agency the
 * district's practice model requires, then owner, consent, one mentoring commission accepted, started, reported on
 * and completed, and closure. Each step is sent by the invented persona whose job it is.
 */
final class LifecycleDriver {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Each poll of a case's detail is a purpose-bound read the access log records, so not too often. */
    private static final long POLL_MILLIS = 500;

    private final Http http;
    private final Intake intake;
    private final String runId;
    private final String referral;
    private final String assessment;
    private final String plan;
    private final DistrictDirectory directory = DistrictDirectory.load();

    LifecycleDriver(BenchPlatform platform, Intake intake, String runId) {
        this.http = platform.http();
        this.intake = intake;
        this.runId = runId;
        this.referral = platform.url("referral-service");
        this.assessment = platform.url("assessment-service");
        this.plan = platform.url("plan-service");
    }

    /** Drives the n-th case of the run to closure; fails with the step and the answer that stopped it. */
    void drive(long number, String districtId, boolean inbound) {
        Intake.Referred referred = refer(number, districtId, inbound);
        Http.expect(200, http.post(referral + "/referrals/" + referred.referralId() + "/screening",
                Map.of("decision", "CLEAR", "rationale", "No security response needed (invented)"),
                "bench.screener"), "screening");
        agreeFormulation(referred.caseId(), districtId);
        deliverAndClose(referred.caseId(), districtId);
    }

    private Intake.Referred refer(long number, String districtId, boolean inbound) {
        Map<String, Object> body = Referrals.referral(runId, number, districtId, inbound);
        if (inbound) {
            intake.send(body);
            return intake.await(Referrals.externalReference(runId, number), PATIENCE);
        }
        JsonNode accepted = Http.expect(201, http.post(referral + "/referrals", body, "bench.referrer"), "referral");
        return new Intake.Referred(accepted.get("referralId").asText(), accepted.get("caseId").asText(), districtId);
    }

    private void agreeFormulation(String caseId, String districtId) {
        String url = assessment + "/assessments/" + caseId;
        JsonNode opened = await(url, "bench.panel-police", "ASSESSMENT", reply -> reply.status() == 200);
        JsonNode proposed = Http.expect(201, http.post(url + "/formulations", Map.of("needs", List.of("mentoring"),
                "interventionLevel", "EARLY_SUPPORT", "leadAgency", leadAgency(districtId),
                "summary", "Isolated at school, open to a mentor (invented)"), "bench.panel-police"), "formulation");
        String endorsements = url + "/formulations/" + proposed.get("formulationVersion").asInt() + "/endorsements";
        for (JsonNode agency : opened.get("requiredAgencies")) {
            Http.expect(200, http.post(endorsements, Map.of("agency", agency.asText()), panel(agency.asText())),
                    "endorsement by " + agency.asText());
        }
    }

    private void deliverAndClose(String caseId, String districtId) {
        String owner = owner(districtId);
        String url = plan + "/plans/" + caseId;
        await(url, owner, "CASE_MANAGEMENT", reply -> reply.status() == 200);
        Http.expect(200, http.put(url + "/owner", Map.of("ownerRef", owner, "agency", leadAgency(districtId)), owner),
                "owner");
        Http.expect(201, http.post(url + "/consents", Map.of("scope", List.of("MENTORING"), "givenBy", "GUARDIAN"),
                owner), "consent");
        JsonNode commissioned = Http.expect(201, http.post(url + "/commissions", Map.of(
                "providerId", Districts.PROVIDER, "serviceType", Districts.SERVICE_TYPE, "needAddressed", "mentoring",
                "startBy", LocalDate.now().plusDays(14).toString(), "briefing", "Weekly mentoring (invented)"), owner),
                "commission");
        String commission = plan + "/commissions/" + commissioned.get("commissionId").asText();
        Http.expect(200, http.post(commission + "/acceptance", Map.of(), "bench.provider"), "acceptance");
        Http.expect(200, http.post(commission + "/start", Map.of(), "bench.provider"), "start");
        Http.expect(200, http.post(commission + "/progress", Map.of("engagement", "ENGAGED", "concernRaised", false,
                "summary", "Attends every session (invented)"), "bench.provider"), "progress");
        Http.expect(200, http.post(commission + "/completion", Map.of("outcome", "Mentoring goals met (invented)"),
                "bench.provider"), "completion");
        Http.expect(200, http.post(url + "/closure", Map.of("outcome", "GOALS_MET"), owner), "closure");
    }

    /** Polls a read until it is ready: the services meet through Kafka, so the next stage appears a little later. */
    private JsonNode await(String url, String persona, String purpose, Predicate<Http.Reply> ready) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Http.Reply last;
        do {
            last = http.get(url, persona, purpose);
            if (ready.test(last)) {
                return last.body();
            }
            sleep(POLL_MILLIS);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("gave up waiting on " + url + " after " + PATIENCE.toSeconds() + " s: "
                + last.status());
    }

    /** The practice model's default lead agency (the police in the Centre of Excellence, social services else). */
    private String leadAgency(String districtId) {
        return directory.get(districtId).practiceModel().defaultLeadAgency().name();
    }

    private String owner(String districtId) {
        return leadAgency(districtId).equals("POLICE") ? "bench.owner-police" : "bench.owner-social";
    }

    static String panel(String agency) {
        return switch (agency) {
            case "POLICE" -> "bench.panel-police";
            case "SOCIAL_SERVICES" -> "bench.panel-social";
            case "HEALTH" -> "bench.panel-health";
            case "PREFECTURE" -> "bench.panel-prefecture";
            case "EDUCATION" -> "bench.panel-education";
            default -> throw new IllegalArgumentException("no benchmark panel member for " + agency);
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
