package org.pve.caseplatform.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.TestInfrastructure;

class ReconcilerTest {

    /** Long enough ago that every grace period of the default has passed. */
    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);
    private static final Instant PUBLISHED = AN_HOUR_AGO.plusSeconds(10);

    private static MongoClient client;
    private PlatformStores stores;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabases() {
        stores = new PlatformStores(client, PUBLISHED);
    }

    @Test
    void casesThroughTheWholeFlowReconcileClean() {
        CaseEvents first = throughTheWholeFlow();
        CaseEvents second = throughTheWholeFlow();

        ReconciliationReport report = reconcile();

        assertThat(report.differences()).isEmpty();
        assertThat(report.pending()).isEmpty();
        assertThat(report.settled()).isTrue();
        assertThat(report.casesCompared()).isEqualTo(2);
        assertThat(report.eventsCompared()).isEqualTo(10);
        assertThat(reconciler().reconcile(Set.of(first.id())).casesCompared()).isEqualTo(1);
        assertThat(reconciler().reconcile(Set.of(second.id())).eventsCompared()).isEqualTo(5);
    }

    @Test
    void aRemovedLedgerEntryIsMissingFromTheLedgerForItsCaseAlone() {
        CaseEvents tampered = newCase();
        String cleared = stores.store(REFERRAL_SERVICE, tampered.cleared());
        stores.store(ASSESSMENT_SERVICE, tampered.opened());
        throughTheWholeFlow();
        stores.publishAll(PUBLISHED);
        stores.audit().getCollection("ledger").deleteOne(Filters.eq("_id", cleared));

        ReconciliationReport report = reconcile();

        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.MISSING_FROM_LEDGER);
            assertThat(difference.caseId()).isEqualTo(tampered.id());
            assertThat(difference.districtId()).isEqualTo(CaseEvents.DISTRICT);
            assertThat(difference.messageId()).isEqualTo(cleared);
            assertThat(difference.eventType()).isEqualTo("SecurityScreenCleared");
            assertThat(difference.service()).isEqualTo(REFERRAL_SERVICE);
        });
        assertThat(report.clean()).isFalse();
    }

    @Test
    void anEventUnpublishedForLongIsAStuckOutboxAndPendingWhileYoung() {
        CaseEvents stuck = newCase();
        throughTheWholeFlow();
        stores.publishAll(PUBLISHED);
        String received = stores.store(REFERRAL_SERVICE, stuck.received());

        ReconciliationReport late = reconcile();
        ReconciliationReport early = reconcilerAt(stuck.at().plusSeconds(30)).reconcile();

        assertThat(late.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.OUTBOX_STUCK);
            assertThat(difference.caseId()).isEqualTo(stuck.id());
            assertThat(difference.messageId()).isEqualTo(received);
        });
        assertThat(early.clean()).isTrue();
        assertThat(early.settled()).isFalse();
        assertThat(early.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.wouldBe()).isEqualTo(Kind.OUTBOX_STUCK);
            assertThat(pending.caseId()).isEqualTo(stuck.id());
        });
    }

    @Test
    void aClearedCaseWithoutItsAssessmentMissesItDownstream() {
        CaseEvents cleared = newCase();
        stores.store(REFERRAL_SERVICE, cleared.received());
        String screen = stores.store(REFERRAL_SERVICE, cleared.cleared());
        throughTheWholeFlow();
        stores.publishAll(PUBLISHED);

        ReconciliationReport report = reconcile();

        assertThat(report.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.MISSING_DOWNSTREAM);
            assertThat(difference.caseId()).isEqualTo(cleared.id());
            assertThat(difference.service()).isEqualTo(ASSESSMENT_SERVICE);
            assertThat(difference.messageId()).isEqualTo(screen);
            assertThat(difference.detail()).contains("AssessmentOpened");
        });
        assertThat(reconcilerAt(PUBLISHED.plusSeconds(20)).reconcile().pending())
                .extracting(Pending::wouldBe).containsExactly(Kind.MISSING_DOWNSTREAM);
    }

    @Test
    void anAgreedFormulationWithoutItsPlanMissesItDownstream() {
        CaseEvents agreed = newCase();
        stores.store(REFERRAL_SERVICE, agreed.received());
        stores.store(REFERRAL_SERVICE, agreed.cleared());
        stores.store(ASSESSMENT_SERVICE, agreed.opened());
        stores.store(ASSESSMENT_SERVICE, agreed.agreed());
        stores.publishAll(PUBLISHED);

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.MISSING_DOWNSTREAM);
            assertThat(difference.service()).isEqualTo(PLAN_SERVICE);
            assertThat(difference.eventType()).isEqualTo("FormulationAgreed");
        });
    }

    @Test
    void anExtraLedgerEntryHasNoSource() throws Exception {
        CaseEvents stray = newCase();
        throughTheWholeFlow();
        stores.witnessUnstored(stray.escalated());

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.LEDGER_WITHOUT_SOURCE);
            assertThat(difference.caseId()).isEqualTo(stray.id());
            assertThat(difference.eventType()).isEqualTo("ReferralEscalatedToSecurity");
        });
    }

    @Test
    void anAssessmentWithoutAClearedScreenHasNoCause() {
        CaseEvents orphan = newCase();
        stores.store(REFERRAL_SERVICE, orphan.received());
        stores.store(REFERRAL_SERVICE, orphan.escalated());
        String opened = stores.store(ASSESSMENT_SERVICE, orphan.opened());
        stores.publishAll(PUBLISHED);

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.DOWNSTREAM_WITHOUT_CAUSE);
            assertThat(difference.service()).isEqualTo(ASSESSMENT_SERVICE);
            assertThat(difference.messageId()).isEqualTo(opened);
        });
    }

    @Test
    void aLedgerEntryDisagreeingWithItsSourceIsReported() {
        CaseEvents case1 = throughTheWholeFlow();
        String messageId = stores.events(REFERRAL_SERVICE).find().first().getString("eventIdentifier");
        stores.audit().getCollection("ledger").updateOne(Filters.eq("_id", messageId),
                Updates.set("districtId", "dk-fyn"));

        assertThat(reconcile().differences()).extracting(Difference::kind, Difference::caseId)
                .contains(org.assertj.core.groups.Tuple.tuple(Kind.LEDGER_DISAGREES, case1.id()));
    }

    @Test
    void anEventStoredTwiceIsADuplicate() {
        CaseEvents copied = throughTheWholeFlow();
        Document stored = stores.events(ASSESSMENT_SERVICE).find(Filters.eq("sequenceNumber", 1L)).first();
        stored.remove("_id");
        stored.put("sequenceNumber", 7L);
        stores.events(ASSESSMENT_SERVICE).insertOne(stored);

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.DUPLICATE_EVENT);
            assertThat(difference.caseId()).isEqualTo(copied.id());
            assertThat(difference.messageId()).isEqualTo(stored.getString("eventIdentifier"));
            assertThat(difference.eventType()).isEqualTo("FormulationAgreed");
        });
    }

    @Test
    void aSealedAndErasedCaseMakesNoDifference() {
        CaseEvents sealed = newCase();
        stores.store(REFERRAL_SERVICE, sealed.received());
        stores.store(REFERRAL_SERVICE, sealed.escalated());
        stores.store(REFERRAL_SERVICE, sealed.erased());
        stores.publishAll(PUBLISHED);

        ReconciliationReport report = reconcile();

        assertThat(report.differences()).isEmpty();
        assertThat(report.eventsCompared()).isEqualTo(3);
    }

    @Test
    void aCohortLackingALedgerEntryDisagreesWithTheLedger() {
        CaseEvents case1 = throughTheWholeFlow();
        String messageId = stores.events(PLAN_SERVICE).find().first().getString("eventIdentifier");
        stores.audit().getCollection("cohort_cases").updateOne(Filters.eq("_id", case1.id()),
                Updates.unset("facts." + messageId));

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.READ_MODEL_DISAGREES);
            assertThat(difference.messageId()).isEqualTo(messageId);
            assertThat(difference.service()).isEqualTo(ServiceDatabases.AUDIT_SERVICE);
        });
    }

    @Test
    void aMissingAgeBandIsMissingDownstream() {
        CaseEvents case1 = throughTheWholeFlow();
        stores.database(PLAN_SERVICE).getCollection("age_bands").deleteOne(Filters.eq("_id", case1.id()));

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.MISSING_DOWNSTREAM);
            assertThat(difference.eventType()).isEqualTo("ReferralReceived");
            assertThat(difference.detail()).contains("age band");
        });
    }

    @Test
    void onlyTheCasesAskedAboutAreCompared() {
        CaseEvents stuck = newCase();
        CaseEvents fine = throughTheWholeFlow();
        stores.store(REFERRAL_SERVICE, stuck.received());

        assertThat(reconciler().reconcile(Set.of(fine.id())).clean()).isTrue();
        assertThat(reconciler().reconcile(Set.of(stuck.id())).differences()).extracting(Difference::kind)
                .containsExactly(Kind.OUTBOX_STUCK);
    }

    /** A case through screening, assessment and plan, every event published and witnessed. */
    private CaseEvents throughTheWholeFlow() {
        CaseEvents events = newCase();
        stores.store(REFERRAL_SERVICE, events.received());
        stores.store(REFERRAL_SERVICE, events.cleared());
        stores.store(ASSESSMENT_SERVICE, events.opened());
        stores.store(ASSESSMENT_SERVICE, events.agreed());
        stores.store(PLAN_SERVICE, events.planOpened());
        stores.publishAll(PUBLISHED);
        return events;
    }

    private static CaseEvents newCase() {
        return CaseEvents.newCase(AN_HOUR_AGO);
    }

    private ReconciliationReport reconcile() {
        return reconciler().reconcile();
    }

    private Reconciler reconciler() {
        return new Reconciler(client, stores.databases);
    }

    private Reconciler reconcilerAt(Instant now) {
        return new Reconciler(client, stores.databases, Duration.ofMinutes(2), Clock.fixed(now, ZoneOffset.UTC));
    }
}
