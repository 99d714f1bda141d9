package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pve.caseplatform.reconciliation.ReconciliationReport;
import org.pve.caseplatform.reconciliation.Reconciler;
import org.pve.caseplatform.reconciliation.ServiceDatabases;
import org.pve.caseplatform.support.testing.Await;

/**
 * The reconciler over the real platform's stores: cases driven through screening (cleared, escalated), assessment and
 * plan to closure reconcile without a difference once everything in flight has arrived. It only reads, so the
 * shared platform's data stays as the other classes expect it.
 */
@ExtendWith(SharedPlatform.class)
class ReconciliationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void casesDrivenThroughThePlatformReconcileWithoutADifference() {
        SecuredPlatform platform = SharedPlatform.get();
        CaseDriver driver = new CaseDriver(platform);
        String closed = driver.referAndClear("dk-fyn", "Noa");
        driver.agreeFormulation(closed, "dk-fyn");
        driver.deliverAndClose(closed, "dk-fyn");
        String cleared = driver.referAndClear("uk-luton", "Ari");
        CaseDriver.Referred escalated = driver.refer("fr-75", "Sacha");
        driver.client().expect(200, driver.client().post(platform.referral() + "/referrals/"
                + escalated.referralId() + "/screening", Map.of("decision", "ESCALATE", "escalatedTo",
                "INTELLIGENCE_SERVICE", "rationale", "invented security concern"),
                platform.tokens().auth(CaseDriver.SCREENER)));
        Set<String> cases = Set.of(closed, cleared, escalated.caseId());

        try (MongoClient client = MongoClients.create(platform.launcher().mongo().connectionString())) {
            Reconciler reconciler = new Reconciler(client, ServiceDatabases.defaults());
            ReconciliationReport report = reconciler.reconcile(cases);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!report.settled() && System.nanoTime() < deadline) {
                Await.pause(Duration.ofSeconds(1));
                report = reconciler.reconcile(cases);
            }

            assertThat(report.differences()).as("differences").isEmpty();
            assertThat(report.pending()).as("still pending after %d s", PATIENCE.toSeconds()).isEmpty();
            assertThat(report.casesCompared()).isEqualTo(3);
            assertThat(report.eventsCompared()).as("the closed case alone stores 16 events").isGreaterThan(16);
        }
    }
}
