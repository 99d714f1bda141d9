package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.embedded.ServiceProcess;
import org.pve.caseplatform.embedded.ServiceSpec;
import org.pve.caseplatform.reconciliation.ReconciliationReport;
import org.pve.caseplatform.reconciliation.Reconciler;
import org.pve.caseplatform.reconciliation.ServiceDatabases;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * The faults of issue 9 on one platform of its own (it kills things, so not the shared one): two instances of
 * assessment-service and of audit-service share a load of cases across the platform's districts and one of each is
 * killed midway; then a consumer is killed hard mid-stream and restarted; the broker is stopped and restarted
 * mid-stream; every record of the case topics is delivered twice. The scenarios run in order, each ending quiescent
 * (every consumer group committed to the log end, every outbox drained) and checked: every stored event in the
 * ledger once and nothing else, the events each driven case must have exactly once, the ledger's chains verified,
 * audit-service's replay (a rebuild from scratch) equal to the live ledger and cohorts, and the reconciliation of
 * every case without a difference or anything pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Logger log = LoggerFactory.getLogger(FaultToleranceIT.class);

    private static final String ASSESSMENT = "assessment-service";
    private static final String AUDIT = "audit-service";
    private static final String ASSESSMENT_2 = ASSESSMENT + "-2";
    private static final String AUDIT_2 = AUDIT + "-2";
    /** A killed instance's partitions go to the other after this, not after Kafka's default 45 s. */
    private static final String CLAIM_TIMEOUT = "--platform.kafka.client[session.timeout.ms]=10000";
    private static final Duration QUIET_PATIENCE = Duration.ofSeconds(120);
    private static final List<String> WITNESSED = List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS,
            Topics.PLAN_EVENTS, Topics.ACCESS_LOG);

    private static final List<String> PLAN_READ_MODELS = List.of("provider_worklists", "families", "age_bands");
    private static final List<String> PLAN_READ_MODEL_GROUPS = List.of("plan-service.provider-worklists",
            "plan-service.families", "plan-service.age-bands");

    private static SecuredPlatform platform;
    private static KafkaLog kafka;
    private static PlatformStores stores;
    private static FaultLoad load;
    private static PlatformClient client;
    private static final List<FaultLoad.Lifecycle> driven = Collections.synchronizedList(new ArrayList<>());
    private static List<String> districts;

    @BeforeAll
    static void startTwoInstancesOfAssessmentAndAudit() {
        List<ServiceSpec> services = new ArrayList<>();
        for (String service : SecuredPlatform.SERVICES) {
            services.add(new ServiceSpec(service, SecuredPlatform.jar(service), 0, CLAIM_TIMEOUT));
        }
        services.add(services.get(1).instance(2));
        services.add(services.get(3).instance(2));
        platform = SecuredPlatform.start("faults", services);
        kafka = new KafkaLog(platform.launcher().broker().bootstrapServers());
        stores = new PlatformStores(platform.launcher().mongo().connectionString());
        load = new FaultLoad(platform, Long.toString(System.currentTimeMillis() % 100_000, 36));
        client = platform.client();
        districts = DistrictDirectory.load().all().stream().map(District::districtId).sorted().toList();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {load, stores, platform}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one is closed all the same
            }
        }
    }

    /**
     * While both run, the cases' assessment steps go over HTTP to either instance in turn and the referral topic's
     * partitions are shared between their consumers; then one of each is killed while 24 lifecycles are on their
     * way, and the survivors take over the partitions after the claim timeout.
     */
    @Test
    @Order(1)
    void twoInstancesShareTheCasesAndWhenOneOfEachIsKilledTheOtherFinishesWithNothingLostOrDoubled() {
        Map<String, List<String>> consumers = Map.of(ASSESSMENT, List.of("referral-events"),
                AUDIT, List.of("audit-ledger", "audit-cohorts", "audit-egress"));
        awaitBothInstancesHoldPartitions(consumers);

        load.referInbound(districts);
        driven.addAll(FaultLoad.await(load.lifecycles(12, List.of(platform.assessment(),
                platform.launcher().service(ASSESSMENT_2).baseUrl()))));
        awaitQuiescent();
        assertHandledByExactlyOneInstance(ASSESSMENT, "referral-events", List.of(Topics.REFERRAL_EVENTS));
        assertHandledByExactlyOneInstance(AUDIT, "audit-ledger", WITNESSED);
        assertHandledByExactlyOneInstance(AUDIT, "audit-cohorts", PlatformStores.CASE_TOPICS);
        assertHandledByExactlyOneInstance(AUDIT, "audit-egress", PlatformStores.CASE_TOPICS);
        assertConsistent();

        List<CompletableFuture<FaultLoad.Lifecycle>> midway = load.lifecycles(24);
        awaitMidway(midway);
        platform.launcher().killService(ASSESSMENT_2);
        platform.launcher().killService(AUDIT_2);
        load.referInbound(districts.subList(0, 60));
        driven.addAll(FaultLoad.await(midway));
        awaitQuiescent();
        assertConsistent();
    }

    @Test
    @Order(2)
    void aConsumerKilledHardMidStreamAndRestartedResumesWithNothingLostOrDoubled() {
        List<CompletableFuture<FaultLoad.Lifecycle>> running = load.lifecycles(12);
        load.referInbound(districts.subList(60, districts.size()));
        awaitMidway(running);
        platform.launcher().killService(AUDIT);
        load.referInbound(districts.subList(0, 40));
        platform.launcher().startService(AUDIT);
        driven.addAll(FaultLoad.await(running));
        awaitQuiescent();
        assertConsistent();
    }

    @Test
    @Order(3)
    void theBrokerStoppedAndRestartedMidStreamLosesNothingAndDoublesNothing() {
        List<CompletableFuture<FaultLoad.Lifecycle>> running = load.lifecycles(12);
        load.referInbound(districts.subList(40, 100));
        awaitMidway(running);
        platform.launcher().broker().stop();
        PlatformClient.sleep(3_000);
        platform.launcher().broker().start();
        load.referInbound(districts.subList(100, districts.size()));
        driven.addAll(FaultLoad.await(running));
        awaitQuiescent();
        assertConsistent();
    }

    /**
     * Every record of the case topics and the access log sent again with its key, headers and value, as the outbox
     * relay does when it dies between the broker's acknowledgement and marking the event published. Chosen over
     * resetting the groups' offsets: it reaches every consumer group without stopping the services (the Admin API
     * alters the offsets of empty groups only), and redelivery at the same offsets is what the kills above already
     * cause.
     */
    @Test
    @Order(4)
    void everyRecordDeliveredTwiceChangesNoStoreNoLedgerEntryAndNoReadModel() {
        awaitQuiescent();
        int stored = stores.storedEvents().size();
        int entries = stores.ledger().size();
        long records = kafka.records(WITNESSED);

        long sentAgain = kafka.duplicateEveryRecord(WITNESSED);
        awaitQuiescent();

        assertThat(sentAgain).as("every record sent again").isEqualTo(records);
        assertThat(kafka.records(WITNESSED)).isEqualTo(2 * records);
        assertThat(stores.storedEvents()).as("no handler acted on a duplicate").hasSize(stored);
        assertThat(stores.ledger()).as("a duplicate is a link of its chain, not an entry").hasSize(entries);
        assertConsistent();
    }

    /**
     * plan-service's read models fed from the topics (provider worklists, families, age bands) rebuilt from scratch:
     * the service stopped, the collections dropped, its groups' offsets forgotten, the service started again; once
     * quiescent, the rebuilt collections equal the live ones, documents and fields. (assessment-service's and
     * plan-service's case views are folded from their own event stores on every read, a rebuild each time, and
     * audit-service's ledger and cohorts are compared by its replay in every check above.)
     */
    @Test
    @Order(5)
    void planReadModelsEqualARebuildFromScratch() {
        awaitQuiescent();
        Map<String, List<org.bson.Document>> live = stores.snapshot("plan", PLAN_READ_MODELS);
        assertThat(live.get("provider_worklists")).as("commissions to compare").isNotEmpty();
        assertThat(live.get("age_bands")).as("age bands to compare").hasSizeGreaterThanOrEqualTo(driven.size());

        platform.launcher().stopService("plan-service");
        stores.drop("plan", PLAN_READ_MODELS);
        kafka.forgetGroups(PLAN_READ_MODEL_GROUPS);
        platform.launcher().startService("plan-service");
        awaitQuiescent();

        assertThat(stores.snapshot("plan", PLAN_READ_MODELS)).as("rebuilt from scratch").isEqualTo(live);
        assertConsistent();
    }

    /** Before any load: each instance holds some partitions of each consumer's topics. */
    private static void awaitBothInstancesHoldPartitions(Map<String, List<String>> consumers) {
        consumers.forEach((service, names) -> {
            for (String instance : List.of(service, service + "-2")) {
                for (String consumer : names) {
                    until(() -> lagSeries(instance, consumer) > 0, Duration.ofSeconds(60),
                            instance + " holds partitions for " + consumer);
                }
            }
        });
    }

    /**
     * Both instances handled records, and together each record once: their counts of handled events add up to the
     * records on the consumer's topics, so no record was handled by both (nor twice by one).
     */
    private static void assertHandledByExactlyOneInstance(String service, String consumer, List<String> topics) {
        double first = Metrics.consumed(platform.launcher().service(service), consumer);
        double second = Metrics.consumed(platform.launcher().service(service + "-2"), consumer);
        assertThat(first).as("%s handled by %s", consumer, service).isPositive();
        assertThat(second).as("%s handled by %s-2", consumer, service).isPositive();
        long records = kafka.records(topics);
        log.info("{}: {} handled {}, {}-2 handled {}, of {} records", consumer, service, first, service, second,
                records);
        assertThat((long) (first + second)).as("%s: records handled by both instances together", consumer)
                .isEqualTo(records);
    }

    private static double lagSeries(String instance, String consumer) {
        return Metrics.lagSeries(platform.launcher().service(instance), consumer);
    }

    /** A third of the lifecycles done, the next ones on their way (four at a time) and the rest still to come. */
    private static void awaitMidway(List<CompletableFuture<FaultLoad.Lifecycle>> lifecycles) {
        until(() -> lifecycles.stream().filter(CompletableFuture::isDone).count() >= lifecycles.size() / 3,
                Duration.ofSeconds(120), "a third of " + lifecycles.size() + " lifecycles done");
        assertThat(lifecycles).as("still on their way").anyMatch(lifecycle -> !lifecycle.isDone());
    }

    private static void until(java.util.function.BooleanSupplier condition, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + patience.toSeconds() + " s for: " + what);
            }
            PlatformClient.sleep(500);
        }
    }

    /**
     * Every consumer of every live instance at the log end by its own gauge, every group committed to the log end
     * (the broker's word, which also covers a dead instance's partitions) and every outbox drained, twice in a row a
     * second apart.
     */
    private static void awaitQuiescent() {
        long deadline = System.nanoTime() + QUIET_PATIENCE.toNanos();
        int quietRounds = 0;
        String last = "";
        while (quietRounds < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not quiescent after " + QUIET_PATIENCE.toSeconds() + " s: " + last);
            }
            Map<String, Long> unpublished = stores.unpublished();
            Map<String, Double> gauges = new HashMap<>();
            platform.launcher().services().stream().filter(ServiceProcess::isAlive)
                    .forEach(instance -> gauges.put(instance.name(), Metrics.lag(instance)));
            Map<String, Long> lag = kafka.lagByGroup();
            boolean quiet = unpublished.values().stream().allMatch(n -> n == 0)
                    && gauges.values().stream().allMatch(n -> n == 0)
                    && lag.values().stream().allMatch(n -> n == 0);
            last = "unpublished " + unpublished + ", lag gauges " + gauges + ", committed lag " + lag;
            quietRounds = quiet ? quietRounds + 1 : 0;
            PlatformClient.sleep(1_000);
        }
    }

    private static void assertConsistent() {
        List<PlatformStores.StoredEvent> stored = stores.storedEvents();
        List<PlatformStores.LedgerEntry> ledger = stores.ledger();
        Set<String> storedIds = stored.stream().map(PlatformStores.StoredEvent::messageId).collect(Collectors.toSet());
        Set<String> ledgerIds = ledger.stream().map(PlatformStores.LedgerEntry::messageId)
                .collect(Collectors.toSet());
        assertThat(storedIds).as("every stored event has one messageId").hasSize(stored.size());
        assertThat(ledgerIds).as("the ledger holds every stored event and nothing else").isEqualTo(storedIds);

        Map<String, Map<String, Long>> byCase = ledger.stream().collect(Collectors.groupingBy(
                PlatformStores.LedgerEntry::caseId, Collectors.groupingBy(PlatformStores.LedgerEntry::eventType,
                        Collectors.counting())));
        byCase.forEach((caseId, types) -> {
            assertThat(types.getOrDefault("ReferralReceived", 0L)).as("ReferralReceived of %s", caseId)
                    .isEqualTo(1L);
            assertThat(types.getOrDefault("AssessmentOpened", 0L)).as("AssessmentOpened of %s", caseId)
                    .isEqualTo(types.getOrDefault("SecurityScreenCleared", 0L));
            assertThat(types.getOrDefault("PlanOpened", 0L)).as("PlanOpened of %s", caseId)
                    .isEqualTo(types.getOrDefault("FormulationAgreed", 0L));
        });
        for (FaultLoad.Lifecycle lifecycle : List.copyOf(driven)) {
            Map<String, Long> types = byCase.getOrDefault(lifecycle.caseId(), Map.of());
            assertThat(types).as("events of %s", lifecycle).containsAllEntriesOf(expected(lifecycle.depth()));
            assertThat(types.containsKey("CaseClosed")).isEqualTo(lifecycle.depth() == FaultLoad.Depth.CLOSED);
        }
        assertInboundReferralsEachOnce(ledger);
        assertLedgerVerified();
        assertReplayEqualsTheLiveModels();
        assertReconciledWithoutDifference();
        log.info("consistent: {} stored events, {} ledger entries, {} cases, {} driven lifecycles, {} inbound "
                + "referrals", stored.size(), ledger.size(), byCase.size(), driven.size(),
                load.inboundReferences().size());
    }

    /** Quiescent, so nothing may be on its way: no grace period, every gap is a difference. */
    private static void assertReconciledWithoutDifference() {
        ReconciliationReport report = new Reconciler(stores.client(), ServiceDatabases.defaults())
                .withGrace(Duration.ZERO).reconcile();
        assertThat(report.differences()).as("reconciliation differences").isEmpty();
        assertThat(report.pending()).as("reconciliation pending").isEmpty();
        assertThat(report.casesCompared()).as("cases reconciled").isGreaterThanOrEqualTo(
                driven.size() + load.inboundReferences().size());
    }

    /** The events a lifecycle driven to a depth has exactly once. */
    private static Map<String, Long> expected(FaultLoad.Depth depth) {
        List<String> once = new ArrayList<>(List.of("ReferralReceived", "SecurityScreenCleared", "AssessmentOpened"));
        if (depth != FaultLoad.Depth.CLEARED) {
            once.addAll(List.of("FormulationProposed", "FormulationAgreed", "PlanOpened"));
        }
        if (depth == FaultLoad.Depth.CLOSED) {
            once.addAll(List.of("CaseOwnerAssigned", "ConsentRecorded", "ServiceCommissioned", "ServiceAccepted",
                    "ServiceDeliveryStarted", "ProgressReported", "ServiceCompleted", "CaseClosed"));
        }
        Map<String, Long> counts = new HashMap<>();
        once.forEach(type -> counts.put(type, 1L));
        return counts;
    }

    private static void assertInboundReferralsEachOnce(List<PlatformStores.LedgerEntry> ledger) {
        Map<String, Long> byReference = new HashMap<>();
        Set<String> districtsReached = new HashSet<>();
        for (PlatformStores.LedgerEntry entry : ledger) {
            if ("ReferralReceived".equals(entry.eventType()) && entry.data() != null
                    && entry.data().get("externalReference") instanceof String reference
                    && reference.startsWith("fault-")) {
                byReference.merge(reference, 1L, Long::sum);
                districtsReached.add(entry.districtId());
            }
        }
        List<String> sent = load.inboundReferences();
        assertThat(byReference.keySet()).as("every inbound referral became a case").containsExactlyInAnyOrderElementsOf(
                sent);
        assertThat(byReference.values()).as("each once").allMatch(count -> count == 1L);
        assertThat(districtsReached).as("referral-only cases across the districts").hasSize(districts.size());
    }

    private static void assertLedgerVerified() {
        JsonNode verification = client.expect(200, client.get(liveAudit() + "/ledger/verification",
                platform.tokens().as(CaseDriver.AUDITOR, "AUDIT")));
        assertThat(verification.path("verified").asBoolean()).as("ledger verification %s", verification).isTrue();
        assertThat(verification.path("chains").size()).as("a chain per partition of the witnessed topics")
                .isEqualTo(3 * WITNESSED.size());
    }

    /** audit-service rebuilds its ledger and cohorts from the topics and compares them with the live ones. */
    private static void assertReplayEqualsTheLiveModels() {
        String audit = liveAudit();
        JsonNode started = client.expect(202, client.post(audit + "/replays", Map.of(),
                platform.tokens().auth(CaseDriver.AUDITOR)));
        String progress = audit + "/replays/" + started.path("replayId").asText();
        JsonNode done = client.await(progress, reply -> reply.status() == 200
                        && !"RUNNING".equals(reply.body().path("status").asText()), Duration.ofSeconds(120),
                platform.tokens().auth(CaseDriver.AUDITOR));
        assertThat(done.path("status").asText()).as("replay %s", done).isEqualTo("FINISHED");
        JsonNode comparison = done.path("comparison");
        assertThat(comparison.path("equal").asBoolean()).as("replay comparison %s", comparison).isTrue();
        assertThat(comparison.path("ledgerEntriesCompared").asInt()).isGreaterThanOrEqualTo(
                stores.ledger().size());
    }

    private static String liveAudit() {
        return platform.launcher().service(AUDIT).isAlive() ? platform.audit()
                : platform.launcher().service(AUDIT_2).baseUrl();
    }
}
