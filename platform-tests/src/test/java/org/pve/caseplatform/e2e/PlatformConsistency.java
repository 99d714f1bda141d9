package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.embedded.ServiceProcess;
import org.pve.caseplatform.reconciliation.ReconciliationReport;
import org.pve.caseplatform.reconciliation.Reconciler;
import org.pve.caseplatform.reconciliation.ServiceDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every fault scenario ends with: the platform quiescent, then nothing lost or doubled (the ledger equal
 * to the producing stores, each driven case's events once, each inbound referral's case once), the ledger's chains
 * verified, audit-service's replay equal to its live models and the reconciliation of every case without a
 * difference. See docs/operations/fault-tests.md.
 */
final class PlatformConsistency {

    static final List<String> WITNESSED = List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS,
            Topics.PLAN_EVENTS, Topics.ACCESS_LOG);
    private static final Logger log = LoggerFactory.getLogger(PlatformConsistency.class);
    private static final Duration QUIET_PATIENCE = Duration.ofSeconds(120);

    private final SecuredPlatform platform;
    private final PlatformClient client;
    private final KafkaLog kafka;
    private final PlatformStores stores;
    private final FaultLoad load;
    private final List<FaultLoad.Lifecycle> driven;
    private final List<String> districts;

    /** {@code driven}: the lifecycles driven so far, read at each check; {@code districts}: every district. */
    PlatformConsistency(SecuredPlatform platform, KafkaLog kafka, PlatformStores stores, FaultLoad load,
                        List<FaultLoad.Lifecycle> driven, List<String> districts) {
        this.platform = platform;
        this.client = platform.client();
        this.kafka = kafka;
        this.stores = stores;
        this.load = load;
        this.driven = driven;
        this.districts = districts;
    }

    /**
     * Every consumer of every live instance at the log end by its own gauge, every group committed to the log end
     * (the broker's word, which also covers a dead instance's partitions) and every outbox drained, twice in a row a
     * second apart.
     */
    void awaitQuiescent() {
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

    void assertConsistent() {
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
    private void assertReconciledWithoutDifference() {
        ReconciliationReport report = new Reconciler(stores.client(), ServiceDatabases.defaults())
                .withGrace(Duration.ZERO).reconcile();
        assertThat(report.differences()).as("reconciliation differences").isEmpty();
        assertThat(report.pending()).as("reconciliation pending").isEmpty();
        assertThat(report.casesCompared()).as("cases reconciled").isGreaterThanOrEqualTo(
                driven.size() + load.inboundReferences().size());
    }

    /** The events a lifecycle driven to a depth has exactly once. */
    private Map<String, Long> expected(FaultLoad.Depth depth) {
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

    private void assertInboundReferralsEachOnce(List<PlatformStores.LedgerEntry> ledger) {
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

    private void assertLedgerVerified() {
        JsonNode verification = client.expect(200, client.get(liveAudit() + "/ledger/verification",
                platform.tokens().as(CaseDriver.AUDITOR, "AUDIT")));
        assertThat(verification.path("verified").asBoolean()).as("ledger verification %s", verification).isTrue();
        assertThat(verification.path("chains").size()).as("a chain per partition of the witnessed topics")
                .isEqualTo(3 * WITNESSED.size());
    }

    /** audit-service rebuilds its ledger and cohorts from the topics and compares them with the live ones. */
    private void assertReplayEqualsTheLiveModels() {
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

    /** An audit-service instance that runs: the first, or the second while the first is down. */
    private String liveAudit() {
        return platform.launcher().services().stream()
                .filter(instance -> instance.name().startsWith("audit-service") && instance.isAlive())
                .findFirst().map(ServiceProcess::baseUrl)
                .orElseThrow(() -> new AssertionError("no audit-service instance runs"));
    }
}
