package org.pve.caseplatform.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.pve.caseplatform.e2e.MatrixRecords.Target;

/**
 * How the matrix test calls each endpoint of the access matrix: against which records, and with which request
 * (a valid body wherever one can be given, so that a call which passes the gate mostly succeeds). The id is a
 * parameter, so the same request can be sent for an id that does not exist.
 */
final class MatrixProbes {

    /** A request: where, and the JSON body (null for none). */
    record Request(String url, Object body) {
    }

    /** Builds the request for a target, with {@code id} in the target's place, as sent by {@code caller}. */
    interface RequestBuilder {
        Request build(String id, Target target, Persona caller);
    }

    /** The targets of one endpoint and how to call it. */
    record Probe(List<Target> targets, RequestBuilder request) {
    }

    private MatrixProbes() {
    }

    /**
     * A probe per endpoint, keyed "METHOD path" as the access matrix names it, or "service METHOD path" for a path
     * every service serves (the parked cases of its consumers).
     */
    static Map<String, Probe> of(SecuredPlatform platform, MatrixRecords r) {
        String referral = platform.referral();
        String assessment = platform.assessment();
        String plan = platform.plan();
        String audit = platform.audit();
        Map<String, Probe> probes = new LinkedHashMap<>();

        // referral-service
        probes.put("POST /referrals", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(referral + "/referrals", newReferral(id, caller))));
        probes.put("GET /referrals/{referralId}", probe(
                List.of(r.referralA, r.referralHealth, r.referralN, r.referralSealed),
                (id, t, caller) -> new Request(referral + "/referrals/" + id, null)));
        probes.put("POST /referrals/{referralId}/screening", probe(List.of(r.referralFresh, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/screening",
                        Map.of("decision", "CLEAR", "rationale", "no security response needed (invented)"))));
        probes.put("POST /referrals/{referralId}/return", probe(List.of(r.referralSealed, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/return",
                        Map.of("rationale", "handed back to the preventive track (invented)"))));
        probes.put("POST /referrals/{referralId}/links", probe(List.of(r.referralA, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/links",
                        Map.of("caseId", r.caseH))));
        probes.put("POST /referrals/{referralId}/links/undo", probe(List.of(r.referralA, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/links/undo",
                        Map.of("rationale", "linked by mistake (invented)"))));
        probes.put("POST /referrals/{referralId}/match-rejections", probe(List.of(r.referralA, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/match-rejections",
                        Map.of("caseId", r.caseH))));
        probes.put("POST /referrals/{referralId}/identity-reveals", probe(
                List.of(r.referralA, r.referralHealth, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/identity-reveals",
                        Map.of("justification", "a clear security risk was stated by the police (invented)"))));
        probes.put("POST /referrals/{referralId}/rectifications", probe(List.of(r.referralA, r.referralN),
                (id, t, caller) -> new Request(referral + "/referrals/" + id + "/rectifications",
                        Map.of("field", "CONCERN_SUMMARY", "concernSummary", "Corrected invented concern",
                                "reason", "the person asked for a correction (invented)"))));
        probes.put("POST /subjects/{subjectRef}/erasure", probe(List.of(r.subjectErasable, r.subjectErasableN),
                (id, t, caller) -> new Request(referral + "/subjects/" + id + "/erasure",
                        Map.of("note", "erasure request ticket 42 (invented)"))));
        probes.put("GET /screening-queue", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(referral + "/screening-queue?districtId=" + id, null)));
        probes.put("GET /subjects/known-to", probe(List.of(r.none), (id, t, caller) -> new Request(referral
                + "/subjects/known-to?givenNames=Alpha&familyName=Matrixsen&dateOfBirth=2008-05-17", null)));
        probes.put("POST /families", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(referral + "/families", Map.of("members", List.of(
                        Map.of("caseId", t.district.equals(MatrixRecords.FYN) ? r.caseClosable : r.caseN,
                                "relation", "SIBLING"),
                        Map.of("caseId", t.district.equals(MatrixRecords.FYN) ? r.caseFresh : r.caseN2,
                                "relation", "SIBLING"))))));
        probes.put("POST /families/{familyId}/members", probe(List.of(r.familyA, r.familyN),
                (id, t, caller) -> new Request(referral + "/families/" + id + "/members", Map.of(
                        "caseId", t == r.familyA ? r.caseFresh : r.caseN, "relation", "SIBLING"))));
        probes.put("GET /families/{familyId}", probe(List.of(r.familyA, r.familyN),
                (id, t, caller) -> new Request(referral + "/families/" + id, null)));

        // assessment-service
        probes.put("GET /assessments/{caseId}", probe(List.of(r.assessmentA, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id, null)));
        probes.put("GET /assessments/{caseId}/formulations/{version}", probe(List.of(r.assessmentA, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/formulations/1", null)));
        probes.put("POST /assessments/{caseId}/formulations", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/formulations", Map.of(
                        "needs", List.of("mentoring"), "interventionLevel", "EARLY_SUPPORT",
                        "leadAgency", "SOCIAL_SERVICES", "summary", "Invented formulation of the matrix test"))));
        probes.put("POST /assessments/{caseId}/formulations/{version}/endorsements", probe(
                List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/formulations/1/endorsements",
                        Map.of("agency", caller.agency()))));
        probes.put("POST /assessments/{caseId}/information", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/information", Map.of(
                        "legalBasis", "DK-AJA-S115", "purpose", "SUPPORT",
                        "summary", "Invented contribution of the matrix test"))));
        probes.put("POST /assessments/{caseId}/ratings", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/ratings", Map.of(
                        "factorId", "beliefs", "domain", "risk", "rating", 1,
                        "evidence", "Invented evidence of the matrix test"))));
        // the matrix's assessments are Danish (dk-dialogue, no sections): past the gate, a 400 naming section
        probes.put("POST /assessments/{caseId}/chronology", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/chronology", Map.of(
                        "happenedOn", "2019-09-01", "entry", "Invented chronology entry of the matrix test"))));
        probes.put("POST /assessments/{caseId}/scenarios", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/scenarios", Map.of(
                        "scenario", "Invented risk scenario of the matrix test", "likelihood", 1))));
        probes.put("POST /assessments/{caseId}/escalation", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/escalation", Map.of(
                        "reason", "a security response is needed (invented)",
                        "escalatedTo", "POLICE_INVESTIGATION"))));
        probes.put("POST /assessments/{caseId}/conclusion", probe(List.of(r.assessmentH, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/conclusion",
                        Map.of("rationale", "no intervention is needed (invented)"))));
        probes.put("POST /assessments/{caseId}/confidentiality-agreements", probe(
                List.of(r.assessmentA, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/confidentiality-agreements",
                        Map.of("validUntil", Instant.now().plus(90, ChronoUnit.DAYS).toString()))));
        probes.put("POST /assessments/{caseId}/confidentiality-agreements/{memberId}/expiry", probe(
                List.of(r.assessmentA, r.assessmentN),
                (id, t, caller) -> new Request(assessment + "/assessments/" + id + "/confidentiality-agreements/"
                        + (caller.role().equals("PANEL_MEMBER") ? caller.id() : "m.panel-police.fyn") + "/expiry",
                        Map.of())));

        probes.put("POST /meetings", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(assessment + "/meetings", Map.of("districtId", id,
                        "heldOn", Instant.now().plus(14, ChronoUnit.DAYS).toString(),
                        "attendees", List.of(Map.of("memberId", caller.id(), "agency", caller.agency())),
                        "agenda", List.of(t == r.districtFyn ? r.caseH : r.caseN)))));
        List<Target> meetings = List.of(r.meetingA, r.meetingN);
        probes.put("GET /meetings/{meetingId}", probe(meetings,
                (id, t, caller) -> new Request(assessment + "/meetings/" + id, null)));
        probes.put("GET /meetings/{meetingId}/cases/{caseId}/pre-read", probe(meetings,
                (id, t, caller) -> new Request(assessment + "/meetings/" + id + "/cases/" + t.caseId + "/pre-read",
                        null)));
        probes.put("POST /meetings/{meetingId}/decisions", probe(meetings,
                (id, t, caller) -> new Request(assessment + "/meetings/" + id + "/decisions", Map.of(
                        "caseId", t.caseId, "decision", "CONTINUE_ASSESSMENT",
                        "rationale", "Invented rationale of the matrix test"))));

        // plan-service
        probes.put("GET /plans/{caseId}", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id, null)));
        probes.put("PUT /plans/{caseId}/owner", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/owner",
                        Map.of("ownerRef", caller.id(), "agency", caller.agency()))));
        probes.put("POST /plans/{caseId}/commissions", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/commissions", Map.of(
                        "providerId", MatrixRecords.MENTOR, "serviceType", "MENTORING", "needAddressed", "mentoring",
                        "startBy", LocalDate.now().plusDays(21).toString(),
                        "briefing", "Invented briefing of the matrix test"))));
        probes.put("POST /plans/{caseId}/closure", probe(List.of(r.planClosable, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/closure", Map.of("outcome", "GOALS_MET"))));
        probes.put("POST /plans/{caseId}/consents", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/consents",
                        Map.of("scope", List.of("FAMILY_SUPPORT"), "givenBy", "GUARDIAN"))));
        probes.put("POST /plans/{caseId}/consents/withdrawal", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/consents/withdrawal", Map.of("consentId",
                        t == r.planA ? r.withdrawableConsentA : r.withdrawableConsentN))));
        probes.put("POST /plans/{caseId}/reviews", probe(List.of(r.planA, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/reviews", Map.of("decision", "CONTINUE"))));
        probes.put("POST /plans/{caseId}/escalation", probe(List.of(r.planClosable, r.planN),
                (id, t, caller) -> new Request(plan + "/plans/" + id + "/escalation", Map.of(
                        "reason", "a security response is now needed (invented)",
                        "escalatedTo", "POLICE_INVESTIGATION"))));
        probes.put("GET /providers", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(plan + "/providers?districtId=" + id, null)));
        probes.put("GET /providers/{providerId}/commissions", probe(List.of(r.worklistMentor, r.worklistExit),
                (id, t, caller) -> new Request(plan + "/providers/" + id + "/commissions", null)));
        probes.put("GET /families/{familyId}/workbook", probe(List.of(r.familyA, r.familyN),
                (id, t, caller) -> new Request(plan + "/families/" + id + "/workbook", null)));
        List<Target> commissions = List.of(r.commissionMentor, r.commissionExit, r.commissionN);
        probes.put("GET /commissions/{commissionId}", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id, null)));
        probes.put("POST /commissions/{commissionId}/acceptance", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id + "/acceptance", Map.of())));
        probes.put("POST /commissions/{commissionId}/decline", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id + "/decline",
                        Map.of("reason", "no capacity (invented)"))));
        probes.put("POST /commissions/{commissionId}/start", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id + "/start", Map.of())));
        probes.put("POST /commissions/{commissionId}/progress", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id + "/progress", Map.of(
                        "engagement", "ENGAGED", "concernRaised", false, "summary", "Invented progress"))));
        probes.put("POST /commissions/{commissionId}/completion", probe(commissions,
                (id, t, caller) -> new Request(plan + "/commissions/" + id + "/completion",
                        Map.of("outcome", "goals met (invented)"))));

        // audit-service
        List<Target> cases = List.of(r.caseHistoryA, r.caseHistoryN);
        probes.put("GET /cases/{caseId}/history", probe(cases,
                (id, t, caller) -> new Request(audit + "/cases/" + id + "/history", null)));
        probes.put("GET /cases/{caseId}/history.csv", probe(cases,
                (id, t, caller) -> new Request(audit + "/cases/" + id + "/history.csv", null)));
        probes.put("GET /subjects/{subjectRef}/export", probe(List.of(r.subjectA, r.subjectN),
                (id, t, caller) -> new Request(audit + "/subjects/" + id + "/export", null)));
        probes.put("GET /ledger/verification", probe(List.of(r.none),
                (id, t, caller) -> new Request(audit + "/ledger/verification", null)));
        for (String cohort : List.of("/cohorts/stages", "/cohorts/stages.csv", "/cohorts/time-in-stage",
                "/cohorts/time-in-stage.csv", "/cohorts/outcomes", "/cohorts/outcomes.csv")) {
            probes.put("GET " + cohort, probe(List.of(r.districtFyn, r.districtNord),
                    (id, t, caller) -> new Request(audit + cohort + "?districtId=" + id, null)));
        }
        probes.put("POST /replays", probe(List.of(r.districtFyn, r.districtNord),
                (id, t, caller) -> new Request(audit + "/replays", Map.of("districtId", id))));
        probes.put("GET /replays/{replayId}", probe(List.of(r.replayFyn, r.replayNord),
                (id, t, caller) -> new Request(audit + "/replays/" + id, null)));

        // every service: the parked cases of its consumers (ADR 0011). None is parked in the matrix run, so a retry
        // that passes the gate is answered 400 naming caseId, which the probe leaves out
        for (String service : SecuredPlatform.SERVICES) {
            String base = platform.url(service);
            String name = service.substring(0, service.indexOf('-'));
            probes.put(name + " GET /ops/parked", probe(List.of(r.districtFyn, r.districtNord),
                    (id, t, caller) -> new Request(base + "/ops/parked?districtId=" + id, null)));
            probes.put(name + " POST /ops/parked/retry", probe(List.of(r.none),
                    (id, t, caller) -> new Request(base + "/ops/parked/retry", Map.of("consumer", "any"))));
        }
        return probes;
    }

    private static Probe probe(List<Target> targets, RequestBuilder request) {
        return new Probe(targets, request);
    }

    private static Map<String, Object> newReferral(String district, Persona caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "AGENCY");
        body.put("referrerAgency", caller.agency());
        body.put("districtId", district);
        body.put("municipalityId", "0461");
        body.put("ageBand", "UNKNOWN");
        body.put("concernCategories", List.of("SINGLE_ISSUE"));
        body.put("concernSummary", "Invented referral of the matrix test, subject unknown");
        body.put("externalReference", "matrix-submit-" + UUID.randomUUID());
        return body;
    }

    /** An id of the same form as {@code id} that names nothing. */
    static String unknownLike(String id) {
        try {
            UUID.fromString(id);
            return UUID.randomUUID().toString();
        } catch (IllegalArgumentException notUuid) {
            StringBuilder other = new StringBuilder();
            String hex = "0123456789abcdef";
            Random random = new Random();
            for (char c : id.toCharArray()) {
                other.append(Character.isDigit(c) || (c >= 'a' && c <= 'f') ? hex.charAt(random.nextInt(16))
                        : Character.isLetter(c) ? (char) ('g' + random.nextInt(20)) : c);
            }
            return other.toString();
        }
    }
}
