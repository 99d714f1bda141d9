package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.e2e.AccessMatrix.Endpoint;
import org.pve.caseplatform.e2e.AccessMatrix.OperationRow;
import org.pve.caseplatform.e2e.MatrixProbes.Probe;
import org.pve.caseplatform.e2e.MatrixProbes.Request;
import org.pve.caseplatform.e2e.MatrixRecords.Kind;
import org.pve.caseplatform.e2e.MatrixRecords.Target;
import org.pve.caseplatform.support.testing.TopicReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docs/security/access-matrix.md against the running platform: every endpoint the services describe in their
 * OpenAPI documents is in the matrix (and every row of it is served), and every endpoint answers every role exactly
 * as the matrix says, with tokens from the real issuer, for records of the caller's own and another agency and
 * district: '-' is 403; a record outside the caller's reach is 404 with the very body of an id that does not exist;
 * anything else passes the gate. Every case-detail read served is on the access log, with who, role, view and
 * purpose.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {

    private static final Logger log = LoggerFactory.getLogger(AccessMatrixIT.class);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static SecuredPlatform platform;
    private static AccessMatrix matrix;
    private static MatrixRecords records;
    private static List<Persona> callers;
    private static final List<Call> calls = new ArrayList<>();
    private static Map<String, Probe> probes;
    private static int comparedWithUnknownIds;

    /** What the matrix says a caller gets for a target. */
    enum Expected { FORBIDDEN, HIDDEN, ALLOWED }

    /** One request of the matrix run and what came of it. */
    record Call(Endpoint endpoint, Persona caller, Target target, String purpose, Expected expected, int status,
                String problem) {

        boolean failed() {
            return problem != null;
        }
    }

    @BeforeAll
    static void createRecords() {
        matrix = AccessMatrix.read(SecuredPlatform.repo());
        platform = SharedPlatform.get();
        callers = platform.personas().values().stream().filter(p -> p.id().startsWith("m.")).toList();
        records = new MatrixRecords(platform).create();
    }

    @Test
    @Order(1)
    void theServicesServeExactlyTheEndpointsTheMatrixNames() {
        Set<String> documented = new TreeSet<>();
        matrix.endpoints().forEach(e -> documented.add(e.serviceModule() + " " + e.method() + " "
                + normalise(e.path())));
        Set<String> served = new TreeSet<>();
        for (String service : SecuredPlatform.SERVICES) {
            JsonNode apiDocs = platform.client().expect(200, platform.client().get(platform.url(service)
                    + "/v3/api-docs"));
            Iterator<Map.Entry<String, JsonNode>> paths = apiDocs.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/actuator")) {
                    continue;
                }
                for (String method : METHODS) {
                    if (path.getValue().has(method)) {
                        served.add(service + " " + method.toUpperCase() + " " + normalise(path.getKey()));
                    }
                }
            }
        }
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(served);
        assertThat(undocumented).as("endpoints the services serve that the access matrix does not name").isEmpty();
        assertThat(unserved).as("rows of the access matrix that no service serves").isEmpty();
        assertThat(matrix.endpoints()).allSatisfy(e ->
                assertThat(matrix.operations()).as("operation of " + e.key()).containsKey(e.operation()));
    }

    @Test
    @Order(2)
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        probes = MatrixProbes.of(platform, records);
        assertThat(probes.keySet()).as("a probe for every endpoint of the matrix")
                .containsAll(matrix.endpoints().stream().map(AccessMatrixIT::label).toList());
        for (Endpoint endpoint : matrix.endpoints()) {
            Probe probe = probes.get(label(endpoint));
            OperationRow operation = matrix.operation(endpoint.operation());
            for (Persona caller : callers) {
                List<Target> targets = operation.cell(caller.role()).equals("-")
                        ? probe.targets().subList(0, 1) : probe.targets();
                for (Target target : targets) {
                    calls.add(call(endpoint, operation, probe, caller, target));
                }
            }
        }
        log.info("Access matrix, endpoint x persona (a status per target, targets in the legend's order; a role "
                + "the matrix refuses is sent the first target only; '!' where the answer broke the matrix):\n{}",
                summary());
        List<String> failures = calls.stream().filter(Call::failed)
                .map(c -> label(c.endpoint()) + " as " + c.caller().id() + " on " + c.target() + ": " + c.problem())
                .toList();
        log.info("{} calls; {} answers hidden by scope compared with an unknown id's", calls.size(),
                comparedWithUnknownIds);
        assertThat(comparedWithUnknownIds).as("hidden records compared with unknown ids").isPositive();
        assertThat(calls).as("answers of every kind").extracting(Call::expected)
                .contains(Expected.FORBIDDEN, Expected.HIDDEN, Expected.ALLOWED);
        assertThat(failures).as("calls whose answers broke the access matrix").isEmpty();
    }

    @Test
    @Order(3)
    void aReadForProsecutionOrForAPurposeTheRoleMayNotStateIsRefused() {
        PlatformClient client = platform.client();
        IssuerTokens tokens = platform.tokens();
        String referral = platform.referral() + "/referrals/" + records.referralA.id;
        for (String reader : List.of("m.screener.fyn", "m.dpo")) {
            PlatformClient.Reply prosecution = client.get(referral, tokens.as(reader, "PROSECUTION"));
            assertThat(prosecution.status()).as(reader + " for PROSECUTION: " + prosecution.text()).isEqualTo(403);
            assertThat(prosecution.isProblem()).isTrue();
        }
        PlatformClient.Reply planForProsecution = client.get(platform.plan() + "/plans/" + records.caseA,
                tokens.as("m.owner-social.fyn", "PROSECUTION"));
        assertThat(planForProsecution.status()).as(planForProsecution.text()).isEqualTo(403);
        PlatformClient.Reply research = client.get(referral, tokens.as("m.screener.fyn", "RESEARCH"));
        assertThat(research.status()).as("a screener may not read for research: " + research.text())
                .isEqualTo(403);
        PlatformClient.Reply allowed = client.get(referral, tokens.as("m.screener.fyn", "SCREENING"));
        assertThat(allowed.status()).as("the same read for screening").isEqualTo(200);
    }

    @Test
    @Order(4)
    void everyCaseDetailReadServedIsOnTheAccessLogWithWhoRoleViewAndPurpose() {
        List<Call> reads = calls.stream()
                .filter(c -> matrix.operation(c.endpoint().operation()).detail() && c.status() == 200)
                .toList();
        assertThat(reads).as("case-detail reads served in the matrix run").isNotEmpty();
        String bootstrap = platform.launcher().broker().bootstrapServers();
        List<Map<String, String>> logged = parse(TopicReader.read(bootstrap, Topics.ACCESS_LOG,
                record -> "CaseRecordAccessed".equals(TopicReader.header(record, "eventType")),
                found -> found.size() >= reads.size() && covers(parse(found), reads).isEmpty(),
                Duration.ofSeconds(30)));
        assertThat(logged).allSatisfy(entry -> assertThat(entry.get("view")).as("view of " + entry).isNotBlank());
        assertThat(covers(logged, reads)).as("case-detail reads missing from " + Topics.ACCESS_LOG).isEmpty();
    }

    private static Call call(Endpoint endpoint, OperationRow operation, Probe probe, Persona caller, Target target) {
        Expected expected = expect(operation, caller, target);
        String purpose = operation.detail() ? matrix.purposeOf(caller.role()) : null;
        Request request = probe.request().build(target.id, target, caller);
        PlatformClient.Reply reply = send(endpoint, request, caller, purpose);
        String problem = judge(endpoint, expected, reply);
        if (problem == null && expected == Expected.HIDDEN && target.kind == Kind.ID) {
            problem = indistinguishable(endpoint, probe, caller, target, purpose, reply);
        }
        if (endpoint.operation().equals("RETURN_FROM_SECURITY") && reply.status() == 200) {
            target.sealed = false;
        }
        // an escalation from the assessment seals the case for the police alone, as one at screening does
        if (endpoint.key().equals("POST /assessments/{caseId}/escalation") && reply.status() == 200) {
            target.sealed = true;
        }
        return new Call(endpoint, caller, target, purpose, expected, reply.status(), problem);
    }

    private static PlatformClient.Reply send(Endpoint endpoint, Request request, Persona caller, String purpose) {
        return platform.client().send(endpoint.method(), request.url(), request.body(),
                platform.tokens().as(caller.id(), purpose));
    }

    /** The matrix's verdict: '-' forbidden; out of district, sealed, not the agency's or provider's: hidden. */
    static Expected expect(OperationRow operation, Persona caller, Target target) {
        String cell = operation.cell(caller.role());
        if (cell.equals("-")) {
            return Expected.FORBIDDEN;
        }
        if (target.kind == Kind.NONE) {
            return Expected.ALLOWED;
        }
        if (!caller.worksIn(target.district) || target.sealed && !caller.isPolice()) {
            return Expected.HIDDEN;
        }
        boolean reached = switch (cell) {
            case "district" -> true;
            case "agency" -> target.agencies.contains(caller.agency());
            case "provider" -> caller.provider() != null && caller.provider().equals(target.provider);
            default -> throw new IllegalStateException("unknown matrix cell '" + cell + "' of "
                    + operation.operation());
        };
        return reached ? Expected.ALLOWED : Expected.HIDDEN;
    }

    /** Null when the answer is what the matrix expects, else what is wrong with it. */
    private static String judge(Endpoint endpoint, Expected expected, PlatformClient.Reply reply) {
        int status = reply.status();
        return switch (expected) {
            case FORBIDDEN -> status == 403 && reply.isProblem() ? null : "expected 403 problem, got " + status;
            case HIDDEN -> status == 404 && reply.isProblem() ? null : "expected 404 problem, got " + status;
            case ALLOWED -> {
                if (endpoint.method().equals("GET")) {
                    yield status == 200 ? null : "expected 200, got " + status + " " + abbreviate(reply.text());
                }
                yield status == 401 || status == 403 || status == 404 || status >= 500
                        ? "expected the gate passed, got " + status + " " + abbreviate(reply.text()) : null;
            }
        };
    }

    /** The 404 for a record out of reach must read exactly as the 404 for an id that names nothing. */
    private static String indistinguishable(Endpoint endpoint, Probe probe, Persona caller, Target target,
                                            String purpose, PlatformClient.Reply hidden) {
        comparedWithUnknownIds++;
        String unknown = MatrixProbes.unknownLike(target.id);
        PlatformClient.Reply missing = send(endpoint, probe.request().build(unknown, target, caller), caller,
                purpose);
        String hiddenBody = hidden.text().replace(target.id, "<id>");
        String missingBody = missing.text().replace(unknown, "<id>");
        if (missing.status() != 404) {
            return "an unknown id answered " + missing.status() + ", not 404";
        }
        return hiddenBody.equals(missingBody) ? null
                : "the 404 differs from an unknown id's: " + hiddenBody + " <> " + missingBody;
    }

    private static List<Map<String, String>> parse(List<ConsumerRecord<String, String>> entries) {
        List<Map<String, String>> parsed = new ArrayList<>();
        for (ConsumerRecord<String, String> entry : entries) {
            try {
                JsonNode value = platform.client().json().readTree(entry.value());
                Map<String, String> fields = new LinkedHashMap<>();
                for (String field : List.of("caseId", "who", "role", "agency", "view", "purpose")) {
                    fields.put(field, value.path(field).isMissingNode() || value.path(field).isNull() ? null
                            : value.path(field).asText());
                }
                parsed.add(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parsed;
    }

    /** The reads that no logged entry accounts for (each entry accounts for one read of its who/role/purpose/case). */
    private static List<String> covers(List<Map<String, String>> logged, List<Call> reads) {
        List<Map<String, String>> unused = new ArrayList<>(logged);
        List<String> missing = new ArrayList<>();
        for (Call read : reads) {
            Map<String, String> match = unused.stream().filter(entry ->
                    read.caller().id().equals(entry.get("who"))
                            && read.caller().role().equals(entry.get("role"))
                            && Objects.equals(read.purpose(), entry.get("purpose"))
                            && (read.target().caseId == null || read.target().caseId.equals(entry.get("caseId"))))
                    .findFirst().orElse(null);
            if (match == null) {
                missing.add(read.endpoint().key() + " by " + read.caller().id() + " on " + read.target());
            } else {
                unused.remove(match);
            }
        }
        return missing;
    }

    /** Endpoint rows, persona columns; a cell lists the status per target, '!' marking one that broke the matrix. */
    private static String summary() {
        List<String> columns = callers.stream().map(p -> p.id().substring(2)).toList();
        Map<String, Map<String, List<Call>>> byEndpoint = new LinkedHashMap<>();
        for (Call call : calls) {
            byEndpoint.computeIfAbsent(label(call.endpoint()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(call.caller().id().substring(2), k -> new ArrayList<>()).add(call);
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        columns.forEach(column -> widths.put(column, column.length()));
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        byEndpoint.forEach((endpoint, byCaller) -> columns.forEach(column -> {
            String cell = byCaller.getOrDefault(column, List.of()).stream()
                    .map(c -> c.status() + (c.failed() ? "!" : ""))
                    .collect(Collectors.joining("/"));
            cells.computeIfAbsent(endpoint, k -> new LinkedHashMap<>()).put(column, cell);
            widths.merge(column, cell.length(), Math::max);
        }));
        int first = byEndpoint.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-" + first + "s", "endpoint \\ persona"));
        columns.forEach(c -> table.append(' ').append(String.format("%-" + widths.get(c) + "s", c)));
        table.append('\n');
        cells.forEach((endpoint, row) -> {
            table.append(String.format("%-" + first + "s", endpoint));
            row.forEach((column, cell) -> table.append(' ').append(String.format("%-" + widths.get(column) + "s",
                    cell)));
            table.append('\n');
        });
        table.append("legend: the targets of each endpoint, in order\n");
        for (Endpoint endpoint : matrix.endpoints()) {
            table.append("  ").append(label(endpoint)).append(" (").append(endpoint.operation()).append("): ")
                    .append(probes.get(label(endpoint)).targets().stream().map(Target::toString)
                            .collect(Collectors.joining("/"))).append('\n');
        }
        return table.toString();
    }

    /** The endpoint's probe key: "METHOD path", with its service first where every service serves the path. */
    private static String label(Endpoint endpoint) {
        String own = endpoint.service() + " " + endpoint.key();
        return probes.containsKey(own) ? own : endpoint.key();
    }

    private static String normalise(String path) {
        return PATH_PARAMETER.matcher(path).replaceAll("{}");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
