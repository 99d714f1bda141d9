package org.pve.caseplatform.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** The embedded run mode's user interface: plain lines on the console. */
final class ConsolePrinter {

    private final PrintStream out;
    private final PrintStream err;

    ConsolePrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void step(String line) {
        out.println("[platform] " + line);
    }

    void problem(String message) {
        err.println("[platform] ERROR: " + message);
    }

    void usage() {
        out.println("""
                Usage: java -jar embedded-platform-exec.jar [--data-dir=DIR] [--repo-dir=DIR]
                  --data-dir=DIR  where topics, stores, secrets and service logs live (default .platform-data)
                  --repo-dir=DIR  the checkout holding <module>/target/<module>-<version>-exec.jar for the four services
                                  and identity-issuer (default .)""");
    }

    void ready(PlatformLauncher platform, Duration took) {
        out.println();
        out.printf("Case platform is up (%.1f s).%n%n", took.toMillis() / 1000.0);
        for (ServiceProcess service : platform.services()) {
            String base = service.baseUrl();
            out.printf("  %-20s %s%n", service.name(), base);
            out.printf("  %-20s   health   %s%n", "", service.healthUrl());
            out.printf("  %-20s   api docs %s/v3/api-docs%n", "", base);
            out.printf("  %-20s   swagger  %s/swagger-ui.html%n", "", base);
            if (service.name().equals("audit-service")) {
                out.printf("  %-20s   operator dashboard %s/ops/dashboard%n", "", base);
            }
        }
        platform.issuer().ifPresent(issuer -> {
            Path demoSecret = PlatformSecrets.demoSecretFile(platform.dataDir());
            out.printf("  %-20s %s%n", "OIDC issuer", platform.issuerUrl());
            out.printf("  %-20s   discovery %s/.well-known/openid-configuration%n", "", platform.issuerUrl());
            out.printf("  %-20s   demo secret of every persona in %s%n", "", demoSecret);
            out.printf("  %-20s   a token: curl -s -u screener.dk-fyn:$(cat %s) -d grant_type=client_credentials"
                    + " %s/oauth2/token%n", "", demoSecret, platform.issuerUrl());
        });
        out.println();
        out.printf("  %-20s %s%n", "Kafka", platform.broker().bootstrapServers());
        out.printf("  %-20s %s%n", "MongoDB", platform.mongo().connectionString());
        out.printf("  %-20s %s%n", "Data dir", platform.dataDir());
        out.printf("  %-20s %s%n", "Service logs", platform.dataDir().resolve("logs"));
        out.println();
        out.println("Press Ctrl-C to stop.");
    }
}
