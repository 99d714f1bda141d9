package org.pve.caseplatform.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;

/** The downstream services and read models against the upstream events. */
class DownstreamReconciliationTest extends ReconcilerTestSupport {

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
            assertThat(difference.detail()).contains("age_bands");
        });
    }

    @Test
    void aMissingLeadAgencyAndCaseIndexEntryAreMissingDownstream() {
        CaseEvents case1 = throughTheWholeFlow();
        stores.database(PLAN_SERVICE).getCollection("lead_agency").deleteOne(Filters.eq("_id", case1.id()));
        stores.database(REFERRAL_SERVICE).getCollection("case_index").deleteOne(Filters.eq("_id", case1.id()));

        assertThat(reconcile().differences()).extracting(Difference::kind, Difference::service, Difference::eventType)
                .containsExactlyInAnyOrder(tuple(Kind.MISSING_DOWNSTREAM, PLAN_SERVICE, "FormulationAgreed"),
                        tuple(Kind.MISSING_DOWNSTREAM, REFERRAL_SERVICE, "ReferralReceived"));
    }

    @Test
    void aSealedCaseTheEgressHoldsOpenDisagrees() {
        CaseEvents sealed = newCase();
        stores.store(REFERRAL_SERVICE, sealed.received());
        stores.store(REFERRAL_SERVICE, sealed.escalated());
        stores.publishAll(PUBLISHED);
        assertThat(reconcile().differences()).as("the egress sealed it").isEmpty();
        stores.audit().getCollection("egress_cases").updateOne(Filters.eq("_id", sealed.id()),
                Updates.set("state", "OPEN"));

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.READ_MODEL_DISAGREES);
            assertThat(difference.caseId()).isEqualTo(sealed.id());
            assertThat(difference.detail()).contains("OPEN", "SEALED");
        });
    }

    @Test
    void aLedgerEntryTheEgressNeverDealtWithDisagrees() {
        throughTheWholeFlow();
        CaseEvents case2 = throughTheWholeFlow();
        String messageId = stores.events(PLAN_SERVICE).find(Filters.eq("aggregateIdentifier", case2.id())).first()
                .getString("eventIdentifier");
        stores.audit().getCollection("egress_seen").deleteOne(Filters.eq("_id", messageId));

        assertThat(reconcile().differences()).singleElement().satisfies(difference -> {
            assertThat(difference.kind()).isEqualTo(Kind.READ_MODEL_DISAGREES);
            assertThat(difference.messageId()).isEqualTo(messageId);
            assertThat(difference.detail()).contains("egress");
        });
    }
}
