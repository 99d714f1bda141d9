package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records the access-matrix test calls every endpoint against, created through the API by the personas whose
 * job it is: in dk-fyn a case taken to its plan with commissions to two providers, a referral by another agency,
 * a referral awaiting screening, a sealed one, a family, subjects; in dk-nordjylland the same kinds again. Each
 * record is a {@link Target} that knows its district, the agencies it belongs to and its provider, so that the
 * expected answer for any caller follows from the matrix.
 */
final class MatrixRecords {

    static final String FYN = "dk-fyn";
    static final String NORD = "dk-nordjylland";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String MENTOR = "ngo-mentor-net";
    static final String EXIT = "ngo-exit-fyn";

    private static final Logger log = LoggerFactory.getLogger(MatrixRecords.class);

    /** How a target is named in a request: by an id in the path, by a district, or not at all. */
    enum Kind { ID, DISTRICT, NONE }

    /** A record (or district) an endpoint is called against, with what decides who may reach it. */
    static final class Target {
        final String label;
        final Kind kind;
        final String id;
        final String district;
        final Set<String> agencies;
        final String provider;
        final String caseId;
        volatile boolean sealed;

        Target(String label, Kind kind, String id, String district, Set<String> agencies, String provider,
               String caseId) {
            this.label = label;
            this.kind = kind;
            this.id = id;
            this.district = district;
            this.agencies = agencies;
            this.provider = provider;
            this.caseId = caseId;
        }

        Target sealed() {
            this.sealed = true;
            return this;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final SecuredPlatform platform;
    private final PlatformClient client;
    private final IssuerTokens tokens;

    // dk-fyn
    Target referralA;
    Target referralHealth;
    Target referralFresh;
    Target referralSealed;
    Target assessmentA;
    Target assessmentH;
    Target planA;
    Target planClosable;
    Target commissionMentor;
    Target commissionExit;
    Target caseHistoryA;
    Target familyA;
    Target subjectA;
    Target subjectErasable;
    Target replayFyn;
    Target meetingA;
    String caseA;
    String caseH;
    String caseFresh;
    String caseClosable;
    String withdrawableConsentA;
    final Target worklistMentor = new Target("work-mentor", Kind.ID, MENTOR, FYN, Set.of(), MENTOR, null);
    final Target worklistExit = new Target("work-exit", Kind.ID, EXIT, FYN, Set.of(), EXIT, null);
    // dk-nordjylland
    Target referralN;
    Target assessmentN;
    Target planN;
    Target commissionN;
    Target caseHistoryN;
    Target familyN;
    Target subjectN;
    Target subjectErasableN;
    Target replayNord;
    Target meetingN;
    String caseN;
    String caseN2;
    String withdrawableConsentN;

    final Target districtFyn = new Target("fyn", Kind.DISTRICT, FYN, FYN, Set.of(), null, null);
    final Target districtNord = new Target("nord", Kind.DISTRICT, NORD, NORD, Set.of(), null, null);
    final Target none = new Target("-", Kind.NONE, null, null, Set.of(), null, null);

    MatrixRecords(SecuredPlatform platform) {
        this.platform = platform;
        this.client = platform.client();
        this.tokens = platform.tokens();
    }

    /** Creates every record, the long chains in parallel, and waits until each service has caught up. */
    MatrixRecords create() {
        CompletableFuture<Void> fyn = CompletableFuture.runAsync(this::createFynCase);
        CompletableFuture<Void> closable = CompletableFuture.runAsync(() -> caseClosable = planned(
                "m.ref-edu.fyn", FYN, "Closable", "m.screener.fyn", "m.panel-police.fyn", "m.panel-social.fyn",
                "m.owner-social.fyn").caseId());
        CompletableFuture<Void> nord = CompletableFuture.runAsync(this::createNordCase);
        CompletableFuture<Void> others = CompletableFuture.runAsync(this::createFynReferrals);
        CompletableFuture.allOf(fyn, closable, nord, others).join();

        planClosable = new Target("planC", Kind.ID, caseClosable, FYN, Set.of("SOCIAL_SERVICES"), null, caseClosable);
        familyA = new Target("famA", Kind.ID, family("m.screener.fyn", caseA, caseH), FYN, Set.of(), null, null);
        familyN = new Target("famN", Kind.ID, family("n.screener.nord", caseN, caseN2), NORD, Set.of(), null, null);
        replayFyn = new Target("rpF", Kind.ID, replay(FYN), FYN, Set.of(), null, null);
        replayNord = new Target("rpN", Kind.ID, replay(NORD), NORD, Set.of(), null, null);
        meetingA = new Target("mtgA", Kind.ID, meeting("m.panel-police.fyn", FYN, caseH), FYN, Set.of(), null, caseH);
        meetingN = new Target("mtgN", Kind.ID, meeting("n.panel-police.nord", NORD, caseN), NORD, Set.of(), null,
                caseN);
        settle();
        return this;
    }

    private void createFynCase() {
        Planned planned = planned("m.ref-edu.fyn", FYN, "Alpha", "m.screener.fyn", "m.panel-police.fyn",
                "m.panel-social.fyn", "m.owner-social.fyn");
        caseA = planned.caseId();
        String commissionedMentor = commission("m.owner-social.fyn", caseA, MENTOR);
        String commissionedExit = commission("m.owner-social.fyn", caseA, EXIT);
        withdrawableConsentA = consent("m.owner-social.fyn", caseA, "HOUSING_SUPPORT");
        Set<String> social = Set.of("SOCIAL_SERVICES");
        referralA = new Target("refA", Kind.ID, planned.referralId(), FYN, Set.of("EDUCATION", "SOCIAL_SERVICES"),
                null, caseA);
        assessmentA = new Target("asmA", Kind.ID, caseA, FYN, Set.of("POLICE", "SOCIAL_SERVICES"), null, caseA);
        planA = new Target("planA", Kind.ID, caseA, FYN, social, null, caseA);
        commissionMentor = new Target("comA-mentor", Kind.ID, commissionedMentor, FYN, social, MENTOR, caseA);
        commissionExit = new Target("comA-exit", Kind.ID, commissionedExit, FYN, social, EXIT, caseA);
        caseHistoryA = new Target("caseA", Kind.ID, caseA, FYN, Set.of(), null, caseA);
        subjectA = new Target("subjA", Kind.ID, subjectRef("m.screener.fyn", planned.referralId()), FYN, Set.of(),
                null, null);
    }

    private void createNordCase() {
        Planned planned = planned("n.ref-edu.nord", NORD, "Nordic", "n.screener.nord", "n.panel-police.nord",
                "n.panel-social.nord", "n.owner-social.nord");
        caseN = planned.caseId();
        Set<String> social = Set.of("SOCIAL_SERVICES");
        referralN = new Target("refN", Kind.ID, planned.referralId(), NORD, Set.of("EDUCATION", "SOCIAL_SERVICES"),
                null, caseN);
        assessmentN = new Target("asmN", Kind.ID, caseN, NORD, Set.of("POLICE", "SOCIAL_SERVICES"), null, caseN);
        planN = new Target("planN", Kind.ID, caseN, NORD, social, null, caseN);
        commissionN = new Target("comN-mentor", Kind.ID, commission("n.owner-social.nord", caseN, MENTOR), NORD,
                social, MENTOR, caseN);
        withdrawableConsentN = consent("n.owner-social.nord", caseN, "HOUSING_SUPPORT");
        caseHistoryN = new Target("caseN", Kind.ID, caseN, NORD, Set.of(), null, caseN);
        subjectN = new Target("subjN", Kind.ID, subjectRef("n.screener.nord", planned.referralId()), NORD, Set.of(),
                null, null);
        caseN2 = refer("n.ref-edu.nord", NORD, "EDUCATION", "Nordic Sibling").caseId();
        Referred erasable = refer("n.ref-edu.nord", NORD, "EDUCATION", "Erasable Nordic");
        subjectErasableN = new Target("subjEN", Kind.ID, subjectRef("n.screener.nord", erasable.referralId()), NORD,
                Set.of(), null, null);
    }

    private void createFynReferrals() {
        Referred health = refer("m.ref-health.fyn", FYN, "HEALTH", "Health Referred");
        caseH = health.caseId();
        clear("m.screener.fyn", health.referralId());
        referralHealth = new Target("refH", Kind.ID, health.referralId(), FYN, Set.of("HEALTH"), null, caseH);
        assessmentH = new Target("asmH", Kind.ID, caseH, FYN, Set.of("POLICE", "SOCIAL_SERVICES"), null, caseH);
        Referred fresh = refer("m.ref-edu.fyn", FYN, "EDUCATION", "Fresh Awaiting");
        caseFresh = fresh.caseId();
        referralFresh = new Target("refF", Kind.ID, fresh.referralId(), FYN, Set.of("EDUCATION"), null, caseFresh);
        Referred sealed = refer("m.ref-edu.fyn", FYN, "EDUCATION", "Sealed Escalated");
        client.expect(200, client.post(platform.referral() + "/referrals/" + sealed.referralId() + "/screening",
                Map.of("decision", "ESCALATE", "escalatedTo", "POLICE_INVESTIGATION",
                        "rationale", "security response needed (invented)"), tokens.auth("m.screener.fyn")));
        referralSealed = new Target("refS", Kind.ID, sealed.referralId(), FYN, Set.of("EDUCATION"), null,
                sealed.caseId()).sealed();
        Referred erasable = refer("m.ref-edu.fyn", FYN, "EDUCATION", "Erasable Fynish");
        subjectErasable = new Target("subjE", Kind.ID, subjectRef("m.screener.fyn", erasable.referralId()), FYN,
                Set.of(), null, null);
        client.await(platform.assessment() + "/assessments/" + caseH, PATIENCE,
                tokens.as("m.panel-police.fyn", "ASSESSMENT"));
    }

    record Referred(String referralId, String caseId) {
    }

    record Planned(String referralId, String caseId) {
    }

    /** Referral, screening, formulation agreed by both panel agencies (lead social services), plan with an owner. */
    Planned planned(String referrer, String district, String givenNames, String screener, String panelPolice,
                    String panelSocial, String owner) {
        Referred referred = refer(referrer, district, "EDUCATION", givenNames);
        clear(screener, referred.referralId());
        String assessment = platform.assessment() + "/assessments/" + referred.caseId();
        client.await(assessment, PATIENCE, tokens.as(panelPolice, "ASSESSMENT"));
        JsonNode proposed = client.expect(201, client.post(assessment + "/formulations", Map.of(
                "needs", List.of("mentoring", "education"), "interventionLevel", "EARLY_SUPPORT",
                "leadAgency", "SOCIAL_SERVICES", "summary", "Receptive to a mentor (invented)"),
                tokens.auth(panelPolice)));
        int version = proposed.get("formulationVersion").asInt();
        String endorsements = assessment + "/formulations/" + version + "/endorsements";
        client.expect(200, client.post(endorsements, Map.of("agency", "POLICE"), tokens.auth(panelPolice)));
        client.expect(200, client.post(endorsements, Map.of("agency", "SOCIAL_SERVICES"), tokens.auth(panelSocial)));
        String plan = platform.plan() + "/plans/" + referred.caseId();
        client.await(plan, PATIENCE, tokens.as(owner, "CASE_MANAGEMENT"));
        client.expect(200, client.put(plan + "/owner", Map.of("ownerRef", owner, "agency", "SOCIAL_SERVICES"),
                tokens.auth(owner)));
        consent(owner, referred.caseId(), "MENTORING");
        return new Planned(referred.referralId(), referred.caseId());
    }

    Referred refer(String referrer, String district, String agency, String givenNames) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "AGENCY");
        body.put("referrerAgency", agency);
        body.put("districtId", district);
        body.put("municipalityId", "0461");
        body.put("subject", Map.of("givenNames", givenNames, "familyName", "Matrixsen", "dateOfBirth", "2008-05-17"));
        body.put("ageBand", "16_17");
        body.put("concernCategories", List.of("MIXED_OR_UNCLEAR"));
        body.put("concernSummary", "Invented concern for the access-matrix test");
        body.put("externalReference", "matrix-" + UUID.randomUUID());
        JsonNode accepted = client.expect(201, client.post(platform.referral() + "/referrals", body,
                tokens.auth(referrer)));
        return new Referred(accepted.get("referralId").asText(), accepted.get("caseId").asText());
    }

    void clear(String screener, String referralId) {
        client.expect(200, client.post(platform.referral() + "/referrals/" + referralId + "/screening",
                Map.of("decision", "CLEAR", "rationale", "no security response needed (invented)"),
                tokens.auth(screener)));
    }

    String commission(String owner, String caseId, String provider) {
        JsonNode created = client.expect(201, client.post(platform.plan() + "/plans/" + caseId + "/commissions",
                Map.of("providerId", provider, "serviceType", "MENTORING", "needAddressed", "mentoring",
                        "startBy", LocalDate.now().plusDays(14).toString(),
                        "briefing", "Invented briefing for the access-matrix test"), tokens.auth(owner)));
        return created.get("commissionId").asText();
    }

    /** The person's consent (through a guardian) to services of one type; returns its id. */
    String consent(String owner, String caseId, String serviceType) {
        JsonNode recorded = client.expect(201, client.post(platform.plan() + "/plans/" + caseId + "/consents",
                Map.of("scope", List.of(serviceType), "givenBy", "GUARDIAN"), tokens.auth(owner)));
        return recorded.get("consentId").asText();
    }

    String subjectRef(String screener, String referralId) {
        JsonNode view = client.expect(200, client.get(platform.referral() + "/referrals/" + referralId,
                tokens.as(screener, "SCREENING")));
        return view.get("subjectRef").asText();
    }

    String family(String screener, String first, String second) {
        JsonNode family = client.expect(201, client.post(platform.referral() + "/families", Map.of("members", List.of(
                Map.of("caseId", first, "relation", "SIBLING"), Map.of("caseId", second, "relation", "SIBLING"))),
                tokens.auth(screener)));
        return family.get("familyId").asText();
    }

    /**
     * A panel meeting of the district with the case on its agenda, attended by every panel member and case owner who
     * works there, so that the matrix's district cell holds for its pre-read and decisions (only attendees reach
     * them; assessment-service's PanelMeetingsIT shows a non-attendee refused).
     */
    String meeting(String scheduler, String district, String caseId) {
        List<Map<String, String>> attendees = platform.personas().values().stream()
                .filter(p -> p.role().equals("PANEL_MEMBER") || p.role().equals("CASE_OWNER"))
                .filter(p -> p.districts().contains(district))
                .map(p -> Map.of("memberId", p.id(), "agency", p.agency())).toList();
        JsonNode scheduled = client.expect(201, client.post(platform.assessment() + "/meetings", Map.of(
                "districtId", district, "heldOn", Instant.now().plus(Duration.ofDays(7)).toString(),
                "attendees", attendees, "agenda", List.of(caseId)), tokens.auth(scheduler)));
        return scheduled.get("meetingId").asText();
    }

    String replay(String district) {
        JsonNode started = client.expect(202, client.post(platform.audit() + "/replays",
                Map.of("districtId", district), tokens.auth("m.auditor")));
        return started.get("replayId").asText();
    }

    /**
     * Waits until the services that learn of a record from another's events know it: the referral service the
     * lead and owner of case A (a case owner of social services may then read its referral), the audit service
     * the cases' histories and the subjects. Only logs when one does not come: the matrix shows the consequences.
     */
    private void settle() {
        awaitQuietly(platform.referral() + "/referrals/" + referralA.id, "m.owner-social.fyn", "CASE_MANAGEMENT");
        awaitQuietly(platform.audit() + "/cases/" + caseA + "/history", "m.auditor", "AUDIT");
        awaitQuietly(platform.audit() + "/cases/" + caseN + "/history", "m.auditor", "AUDIT");
        awaitQuietly(platform.audit() + "/subjects/" + subjectA.id + "/export", "m.dpo", "DATA_PROTECTION");
        awaitQuietly(platform.audit() + "/subjects/" + subjectN.id + "/export", "m.dpo", "DATA_PROTECTION");
    }

    private void awaitQuietly(String url, String persona, String purpose) {
        try {
            client.await(url, Duration.ofSeconds(20), tokens.as(persona, purpose));
        } catch (AssertionError notThere) {
            log.warn("{} still not readable by {} after 20 s", url, persona);
        }
    }
}
