package org.pve.caseplatform.reconciliation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compares, per case, what each producing service stored with what the ledger and the downstream services hold
 * (issue 9). It only reads. The stores are read in an order that keeps a live platform from showing false
 * differences: the read models first (audit's cohort and egress, plan's and referral's), then the ledger, then the
 * event stores of plan, assessment and referral (downstream before upstream), so whatever was read downstream has its
 * source already stored upstream; what is missing downstream may still be on its way and counts as pending while
 * younger than the grace period.
 */
public class Reconciler {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

    private final MongoClient client;
    private final ServiceDatabases databases;
    private final Duration grace;
    private final Clock clock;

    public Reconciler(MongoClient client, ServiceDatabases databases) {
        this(client, databases, DEFAULT_GRACE, Clock.systemUTC());
    }

    public Reconciler(MongoClient client, ServiceDatabases databases, Duration grace, Clock clock) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative");
        }
        this.client = client;
        this.databases = databases;
        this.grace = grace;
        this.clock = clock;
    }

    /** The same stores, with another grace period. */
    public Reconciler withGrace(Duration otherGrace) {
        return new Reconciler(client, databases, otherGrace, clock);
    }

    /** Every case any store knows. */
    public ReconciliationReport reconcile() {
        return reconcile(null);
    }

    /** Only these cases (every case when null). */
    public ReconciliationReport reconcile(Set<String> caseIds) {
        Holdings holdings = read().limitedTo(caseIds);
        Findings findings = new Findings(clock.instant(), grace);
        StoreChecks.run(holdings, findings);
        DownstreamChecks.run(holdings, findings);
        ReadModelChecks.run(holdings, findings);
        EgressChecks.run(holdings, findings);
        List<Difference> differences = new ArrayList<>(findings.differences());
        differences.sort(Comparator.comparing(Difference::caseId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Difference::kind));
        List<Pending> pending = new ArrayList<>(findings.pending());
        pending.sort(Comparator.comparing(Pending::caseId, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Pending::wouldBe));
        return new ReconciliationReport(holdings.caseIds().size(), holdings.stored().size(), differences, pending);
    }

    private Holdings read() {
        MongoDatabase audit = client.getDatabase(databases.audit());
        List<CohortFact> cohort = AuditReader.cohort(audit);
        ReadModels readModels = ReadModels.read(client.getDatabase(databases.referral()),
                client.getDatabase(databases.plan()), audit);
        List<LedgerRecord> ledger = AuditReader.ledger(audit);
        List<StoredEvent> stored = new ArrayList<>();
        databases.producersDownstreamFirst().forEach((service, database) ->
                stored.addAll(EventStoreReader.read(client.getDatabase(database), service)));
        return new Holdings(stored, ledger, cohort, readModels);
    }
}
