package org.pve.caseplatform.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Each producing store against itself and the ledger, and the scope of a reconciliation. */
class ReconcilerTest extends ReconcilerTestSupport {

    @Test
    void casesThroughTheWholeFlowReconcileClean() throws Exception {
        CaseEvents first = throughTheWholeFlow();
        CaseEvents second = throughTheWholeFlow();
        stores.witnessRead(first);

        ReconciliationReport report = reconcile();

        assertThat(stores.audit().getCollection("ledger").countDocuments(Filters.eq("topic", "case.access-log")))
                .as("a read on the access log, which no service stores").isOne();
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
    void aLedgerEntryDisagreeingWithItsSourceIsReported() {
        CaseEvents case1 = throughTheWholeFlow();
        String messageId = stores.events(REFERRAL_SERVICE).find().first().getString("eventIdentifier");
        stores.audit().getCollection("ledger").updateOne(Filters.eq("_id", messageId),
                Updates.set("districtId", "dk-fyn"));

        assertThat(reconcile().differences()).extracting(Difference::kind, Difference::caseId)
                .contains(tuple(Kind.LEDGER_DISAGREES, case1.id()));
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
    void onlyTheCasesAskedAboutAreCompared() {
        CaseEvents stuck = newCase();
        CaseEvents fine = throughTheWholeFlow();
        stores.store(REFERRAL_SERVICE, stuck.received());

        assertThat(reconciler().reconcile(Set.of(fine.id())).clean()).isTrue();
        assertThat(reconciler().reconcile(Set.of(stuck.id())).differences()).extracting(Difference::kind)
                .containsExactly(Kind.OUTBOX_STUCK);
    }
}
