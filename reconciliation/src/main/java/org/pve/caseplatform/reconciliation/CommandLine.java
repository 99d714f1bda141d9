package org.pve.caseplatform.reconciliation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The reconciliation command's arguments; a bad one is refused by name ({@link IllegalArgumentException}). */
record CommandLine(String mongoUri, ServiceDatabases databases, Set<String> caseIds, boolean json, Duration grace,
                   boolean help) {

    static final String USAGE = """
            Usage: java -jar reconciliation/target/reconciliation-0.1.0-SNAPSHOT-exec.jar --mongo-uri=URI [options]
              --mongo-uri=URI         the MongoDB the services store in (required), e.g. mongodb://localhost:27017
              --referral-db=NAME      referral-service's database (default referral)
              --assessment-db=NAME    assessment-service's database (default assessment)
              --plan-db=NAME          plan-service's database (default plan)
              --audit-db=NAME         audit-service's database (default audit)
              --case=ID               only this case; repeat it or give several ids separated by commas
              --json                  the report as JSON instead of a table
              --grace=DURATION        how long an event may still be on its way (ISO-8601, default PT2M)
            Exit status: 0 no difference, 1 differences found, 2 bad arguments, 3 MongoDB cannot be read.""";

    static CommandLine parse(String... args) {
        String uri = null;
        ServiceDatabases defaults = ServiceDatabases.defaults();
        String referral = defaults.referral();
        String assessment = defaults.assessment();
        String plan = defaults.plan();
        String audit = defaults.audit();
        Set<String> cases = null;
        boolean json = false;
        Duration grace = Reconciler.DEFAULT_GRACE;
        boolean help = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1).strip() : null;
            switch (name) {
                case "--mongo-uri" -> uri = required(name, value);
                case "--referral-db" -> referral = required(name, value);
                case "--assessment-db" -> assessment = required(name, value);
                case "--plan-db" -> plan = required(name, value);
                case "--audit-db" -> audit = required(name, value);
                case "--case" -> {
                    cases = cases == null ? new LinkedHashSet<>() : cases;
                    for (String id : required(name, value).split(",")) {
                        cases.add(required(name, id.strip()));
                    }
                }
                case "--json" -> json = flag(name, value);
                case "--grace" -> grace = duration(name, required(name, value));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException(name + ": unknown argument");
            }
        }
        if (uri == null && !help) {
            throw new IllegalArgumentException("--mongo-uri: required (e.g. --mongo-uri=mongodb://localhost:27017)");
        }
        return new CommandLine(uri, new ServiceDatabases(referral, assessment, plan, audit),
                cases == null ? null : Set.copyOf(cases), json, grace, help);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": needs a value (" + name + "=...)");
        }
        return value;
    }

    private static boolean flag(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException(name + ": takes no value");
        }
        return true;
    }

    private static Duration duration(String name, String value) {
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected an ISO-8601 duration of zero or more, like PT2M, not "
                + value);
    }
}
