package org.pve.caseplatform.reconciliation;

import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Fresh stores per test, written by the services' own code (PlatformStores), cases an hour old so every default grace
 * period has passed, and the reconciler over them.
 */
abstract class ReconcilerTestSupport {

    /** Long enough ago that every grace period of the default has passed. */
    static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);
    static final Instant PUBLISHED = AN_HOUR_AGO.plusSeconds(10);

    static MongoClient client;
    PlatformStores stores;

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

    /** A case through screening, assessment and plan, every event published and witnessed. */
    CaseEvents throughTheWholeFlow() {
        CaseEvents events = newCase();
        stores.store(REFERRAL_SERVICE, events.received());
        stores.store(REFERRAL_SERVICE, events.cleared());
        stores.store(ASSESSMENT_SERVICE, events.opened());
        stores.store(ASSESSMENT_SERVICE, events.agreed());
        stores.store(PLAN_SERVICE, events.planOpened());
        stores.publishAll(PUBLISHED);
        return events;
    }

    static CaseEvents newCase() {
        return CaseEvents.newCase(AN_HOUR_AGO);
    }

    ReconciliationReport reconcile() {
        return reconciler().reconcile();
    }

    Reconciler reconciler() {
        return new Reconciler(client, stores.databases);
    }

    Reconciler reconcilerAt(Instant now) {
        return new Reconciler(client, stores.databases, Duration.ofMinutes(2), Clock.fixed(now, ZoneOffset.UTC));
    }
}
