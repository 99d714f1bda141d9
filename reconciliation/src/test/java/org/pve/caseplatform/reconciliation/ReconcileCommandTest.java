package org.pve.caseplatform.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.ASSESSMENT_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.PLAN_SERVICE;
import static org.pve.caseplatform.reconciliation.ServiceDatabases.REFERRAL_SERVICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.TestInfrastructure;

class ReconcileCommandTest {

    private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

    private static MongoClient client;
    private static PlatformStores stores;
    private static CaseEvents clean;
    private static CaseEvents tampered;
    private static String removedEntry;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void storesWithOneTamperedCase() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        stores = new PlatformStores(client, AN_HOUR_AGO.plusSeconds(10));
        clean = CaseEvents.newCase(AN_HOUR_AGO);
        tampered = CaseEvents.newCase(AN_HOUR_AGO);
        for (CaseEvents events : List.of(clean, tampered)) {
            stores.store(REFERRAL_SERVICE, events.received());
            stores.store(REFERRAL_SERVICE, events.cleared());
            stores.store(ASSESSMENT_SERVICE, events.opened());
        }
        removedEntry = stores.store(ASSESSMENT_SERVICE, tampered.agreed());
        stores.store(PLAN_SERVICE, tampered.planOpened());
        stores.publishAll(AN_HOUR_AGO.plusSeconds(10));
        stores.audit().getCollection("ledger").deleteOne(Filters.eq("_id", removedEntry));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aCleanCaseExitsZeroWithItsSummary() {
        int status = run("--case=" + clean.id());

        assertThat(status).isZero();
        assertThat(stdout()).contains("Cases compared: 1", "Events compared: 3", "Differences: 0", "Result: clean")
                .doesNotContain(tampered.id());
    }

    @Test
    void differencesExitOneWithATableRowForTheCaseAndAKindSummary() {
        int status = run();

        assertThat(status).isEqualTo(1);
        String row = stdout().lines().filter(line -> line.startsWith(tampered.id())).findFirst().orElseThrow();
        assertThat(row).contains("MISSING_FROM_LEDGER", "assessment-service", removedEntry, "FormulationAgreed");
        assertThat(stdout()).contains("Cases compared: 2", "MISSING_FROM_LEDGER", "Result: DIFFERENCES FOUND")
                .doesNotContain("c2VhbGVk");
    }

    @Test
    void jsonNamesEveryDifferenceByCaseAndKind() throws Exception {
        int status = run("--json");

        JsonNode report = new ObjectMapper().readTree(stdout());
        assertThat(status).isEqualTo(1);
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("casesCompared").asInt()).isEqualTo(2);
        assertThat(report.get("differences")).singleElement().satisfies(difference -> {
            assertThat(difference.get("caseId").asText()).isEqualTo(tampered.id());
            assertThat(difference.get("kind").asText()).isEqualTo("MISSING_FROM_LEDGER");
            assertThat(difference.get("messageId").asText()).isEqualTo(removedEntry);
        });
        assertThat(report.get("differencesByKind").get("MISSING_FROM_LEDGER").asInt()).isEqualTo(1);
    }

    @Test
    void aGraceLongerThanTheDifferenceMakesItPending() {
        int status = run("--grace=PT2H", "--case=" + tampered.id());

        assertThat(status).isZero();
        assertThat(stdout()).contains("Pending (within the grace period)", "Pending: 1");
    }

    @Test
    void badArgumentsExitTwoNamingTheArgument() {
        assertThat(ReconcileCommand.run(new String[] {"--grace=soon", "--mongo-uri=mongodb://localhost:1"},
                print(out), print(err))).isEqualTo(2);
        assertThat(stderr()).contains("--grace");
        assertThat(ReconcileCommand.run(new String[] {"--case=x"}, print(out), print(err))).isEqualTo(2);
        assertThat(stderr()).contains("--mongo-uri: required");
        assertThat(ReconcileCommand.run(new String[] {"--mongo-uri=mongodb://x", "--verbose"}, print(out),
                print(err))).isEqualTo(2);
        assertThat(stderr()).contains("--verbose: unknown argument");
        assertThat(ReconcileCommand.run(new String[] {"--mongo-uri=http://x"}, print(out), print(err)))
                .isEqualTo(2);
        assertThat(stderr()).contains("--mongo-uri: not a MongoDB connection string");
    }

    private int run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--mongo-uri=" + TestInfrastructure.mongo().connectionString(),
                "--referral-db=" + stores.databases.referral(), "--assessment-db=" + stores.databases.assessment(),
                "--plan-db=" + stores.databases.plan(), "--audit-db=" + stores.databases.audit()));
        args.addAll(List.of(extra));
        return ReconcileCommand.run(args.toArray(String[]::new), print(out), print(err));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
