package org.pve.caseplatform.referral.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ProbableMatchRejected;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.referral.api.MatchReason;
import org.pve.caseplatform.referral.matching.BlindKeys;
import org.pve.caseplatform.referral.matching.OpenCaseClaims;
import org.pve.caseplatform.referral.query.CaseIndex.Status;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/** The case index as a plain object over the MongoDB-wire server: fed events, in order, twice, or out of order. */
class CaseIndexProjectionTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final LocalDate BORN = LocalDate.of(2008, 2, 11);

    private MongoClient client;
    private MongoDatabase database;
    private PersonalDataVault vault;
    private CaseIndex cases;
    private ReferralIndex referrals;
    private CaseIndexProjection projection;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        database = client.getDatabase("case-index-" + UUID.randomUUID().toString().substring(0, 8));
        vault = new PersonalDataVault(database.getCollection("keys"),
                "a master key of exactly 32 bytes".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        ServiceDatabase service = new ServiceDatabase(database);
        cases = new CaseIndex(service);
        referrals = new ReferralIndex(service);
        projection = new CaseIndexProjection(cases, referrals, new OpenCaseClaims(service),
                new MatchProposals(referrals), new SubjectKeys(vault, new BlindKeys(
                "an invented secret of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8))));
    }

    @AfterEach
    void tearDown() {
        database.drop();
        client.close();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID caseId = UUID.randomUUID();
        ReferralReceived first = received(caseId, Agency.EDUCATION, "Jonas", "Müller", BORN);
        ReferralReceived second = received(caseId, Agency.HEALTH, "Jonas", "Müller", BORN);
        List<CaseEvent> events = List.of(first, second, linked(second, caseId, null),
                closed(first), new CaseClosed(caseId, "dk-fyn", AT, ClosureOutcome.GOALS_MET, "owner"));
        events.forEach(projection::apply);
        List<Document> once = snapshot();

        events.forEach(projection::apply);

        assertThat(snapshot()).isEqualTo(once);
        assertThat(cases.find(caseId).orElseThrow().referrals())
                .containsOnlyKeys(first.referralId(), second.referralId());
    }

    @Test
    void aLinkDeliveredBeforeItsReferralEndsInTheSameIndex() {
        UUID own = UUID.randomUUID();
        UUID joined = UUID.randomUUID();
        ReferralReceived founding = received(joined, Agency.POLICE, "Lea", "Berg", BORN);
        ReferralReceived later = received(own, Agency.HEALTH, "Lea", "Bergh", BORN);

        List.of(founding, linked(later, joined, own), later).forEach(projection::apply);

        IndexedReferral indexed = referrals.find(later.referralId()).orElseThrow();
        assertThat(indexed.caseId()).isEqualTo(joined);
        assertThat(indexed.stage()).hasToString("AWAITING_SCREENING");
        assertThat(indexed.referrerAgency()).isEqualTo(Agency.HEALTH);
        assertThat(cases.find(joined).orElseThrow().referrals())
                .containsEntry(later.referralId(), Agency.HEALTH).containsKey(founding.referralId());
        assertThat(cases.find(own)).isEmpty();
    }

    @Test
    void probableMatchesAreProposedBothWaysWhicheverCameFirst() {
        ReferralReceived mueller = received(UUID.randomUUID(), Agency.EDUCATION, "Jonas", "Mueller", BORN);
        ReferralReceived muller = received(UUID.randomUUID(), Agency.HEALTH, "Jonas", "Muller", null);

        projection.apply(mueller);
        projection.apply(muller);

        assertThat(referrals.find(muller.referralId()).orElseThrow().proposals()).containsEntry(mueller.caseId(),
                List.of(MatchReason.FAMILY_NAME_SPELLING, MatchReason.MISSING_DATE_OF_BIRTH));
        assertThat(referrals.find(mueller.referralId()).orElseThrow().proposals()).containsEntry(muller.caseId(),
                List.of(MatchReason.FAMILY_NAME_SPELLING, MatchReason.MISSING_DATE_OF_BIRTH));
    }

    @Test
    void aRejectedPairIsWithdrawnBothWaysAndNotProposedAgain() {
        ReferralReceived mohammed = received(UUID.randomUUID(), Agency.EDUCATION, "Yusuf", "Mohammed", BORN);
        ReferralReceived mohamed = received(UUID.randomUUID(), Agency.HEALTH, "Yusuf", "Mohamed", BORN);
        List.of(mohammed, mohamed).forEach(projection::apply);

        projection.apply(new ProbableMatchRejected(mohamed.caseId(), "dk-fyn", AT, mohamed.referralId(),
                mohammed.caseId(), "screener-ole"));
        projection.apply(mohamed);

        assertThat(referrals.find(mohamed.referralId()).orElseThrow().proposals()).isEmpty();
        assertThat(referrals.find(mohammed.referralId()).orElseThrow().proposals()).isEmpty();
    }

    @Test
    void aCaseClosesOnlyWhenAllItsReferralsWereClosedWithoutAction() {
        UUID caseId = UUID.randomUUID();
        ReferralReceived first = received(caseId, Agency.EDUCATION, "Noor", "Dahl", BORN);
        ReferralReceived second = received(caseId, Agency.HEALTH, "Noor", "Dahl", BORN);
        List.of(first, second, linked(second, caseId, null), closed(first)).forEach(projection::apply);

        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(claimsHeldBy(caseId)).isEqualTo(1);

        projection.apply(closed(second));

        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(Status.CLOSED);
        assertThat(claimsHeldBy(caseId)).isZero();
    }

    @Test
    void escalationSealsTheCaseAndTheHandBackReopensItWithItsClaim() {
        ReferralReceived referral = received(UUID.randomUUID(), Agency.POLICE, "Ida", "Holm", BORN);
        projection.apply(referral);
        projection.apply(new ReferralEscalatedToSecurity(referral.caseId(), "dk-fyn", AT, referral.referralId(),
                "screener-ole", SecurityDestination.INTELLIGENCE_SERVICE, "risk"));

        assertThat(cases.find(referral.caseId()).orElseThrow().status()).isEqualTo(Status.ESCALATED);
        assertThat(claimsHeldBy(referral.caseId())).isZero();

        projection.apply(new CaseReturnedFromSecurity(referral.caseId(), "dk-fyn", AT, referral.referralId(),
                "officer-brennan", "no longer a security matter"));

        assertThat(cases.find(referral.caseId()).orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(claimsHeldBy(referral.caseId())).isEqualTo(1);
        assertThat(referrals.find(referral.referralId()).orElseThrow().stage()).hasToString("AWAITING_SCREENING");
    }

    @Test
    void aChannelLiaisonDoesNotSealTheCase() {
        ReferralReceived referral = received(UUID.randomUUID(), Agency.EDUCATION, "Ola", "Lund", BORN);
        projection.apply(referral);

        projection.apply(new ReferralEscalatedToSecurity(referral.caseId(), "dk-fyn", AT, referral.referralId(),
                "screener-ole", SecurityDestination.CHANNEL_PANEL, "liaison"));

        assertThat(cases.find(referral.caseId()).orElseThrow().status()).isEqualTo(Status.OPEN);
        assertThat(claimsHeldBy(referral.caseId())).isEqualTo(1);
    }

    @Test
    void eventsOfUnknownTypesArePassedOver() {
        List<Document> before = snapshot();

        projection.on(new DeliveredEvent("case.plan.events", 0, 0, 0, UUID.randomUUID().toString(),
                "SomethingFromTheFuture", 1, "m-1", null, "dk-fyn", null, "{\"caseId\":\"x\"}"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void referralsIndexedBeforeTheNameKeyBlocksExistedAreStillProposed() {
        ReferralReceived mueller = received(UUID.randomUUID(), Agency.EDUCATION, "Jonas", "Mueller", BORN);
        projection.apply(mueller);
        database.getCollection(NameKeyPairs.COLLECTION).drop();
        ServiceDatabase service = new ServiceDatabase(database);
        ReferralIndex reopened = new ReferralIndex(service);
        CaseIndexProjection restarted = new CaseIndexProjection(cases, reopened, new OpenCaseClaims(service),
                new MatchProposals(reopened), new SubjectKeys(vault, new BlindKeys(
                "an invented secret of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8))));
        ReferralReceived muller = received(UUID.randomUUID(), Agency.HEALTH, "Jonas", "Muller", BORN);

        restarted.apply(muller);

        assertThat(reopened.find(muller.referralId()).orElseThrow().proposals()).containsEntry(mueller.caseId(),
                List.of(MatchReason.FAMILY_NAME_SPELLING));
    }

    @Test
    void anErasedIdentityLeavesNoNameKeyBlockAndIsProposedNoMore() {
        ReferralReceived mueller = received(UUID.randomUUID(), Agency.EDUCATION, "Jonas", "Mueller", BORN);
        projection.apply(mueller);
        assertThat(database.getCollection(NameKeyPairs.COLLECTION).countDocuments(Filters.exists("referralIds")))
                .isEqualTo(1);

        referrals.forgetIdentity(mueller.subjectRef(), AT);
        ReferralReceived muller = received(UUID.randomUUID(), Agency.HEALTH, "Jonas", "Muller", BORN);
        projection.apply(muller);

        assertThat(referrals.find(muller.referralId()).orElseThrow().proposals()).isEmpty();
        assertThat(database.getCollection(NameKeyPairs.COLLECTION).find(Filters.exists("referralIds"))
                .map(block -> block.getList("referralIds", String.class)).into(new ArrayList<>()))
                .containsExactly(List.of(muller.referralId().toString()));
    }

    private ReferralReceived received(UUID caseId, Agency agency, String given, String family, LocalDate born) {
        String keyRef = "sub-" + Integer.toHexString((given + "|" + family + "|" + born).hashCode());
        String identity = "{\"givenNames\":\"" + given + "\",\"familyName\":\"" + family + "\",\"dateOfBirth\":"
                + (born == null ? "null" : "\"" + born + "\"") + "}";
        return new ReferralReceived(caseId, "dk-fyn", AT, UUID.randomUUID(), "0461", Channel.AGENCY, agency, null,
                keyRef, vault.encrypt(keyRef, identity), AgeBand.AGE_16_17, List.of(ConcernCategory.FAR_RIGHT),
                vault.encrypt(keyRef, "an invented concern"));
    }

    private static ReferralLinkedToCase linked(ReferralReceived referral, UUID caseId, UUID previousCaseId) {
        return new ReferralLinkedToCase(caseId, "dk-fyn", AT, referral.referralId(), previousCaseId,
                previousCaseId == null ? ReferralLinkedToCase.AUTOMATIC : "screener-ole");
    }

    private static ReferralClosedNoFurtherAction closed(ReferralReceived referral) {
        return new ReferralClosedNoFurtherAction(referral.caseId(), "dk-fyn", AT, referral.referralId(),
                "screener-ole", NoFurtherActionReason.NO_CONCERN, "nothing to act on");
    }

    private long claimsHeldBy(UUID caseId) {
        return database.getCollection("open_subjects").countDocuments(Filters.eq("caseId", caseId.toString()));
    }

    private List<Document> snapshot() {
        List<Document> all = new ArrayList<>();
        for (String collection : List.of("case_index", "referral_index", "referral_name_keys", "open_subjects")) {
            database.getCollection(collection).find().sort(new Document("_id", 1)).forEach(all::add);
        }
        return all;
    }
}
