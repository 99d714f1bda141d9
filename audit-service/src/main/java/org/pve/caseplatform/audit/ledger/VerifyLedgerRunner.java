package org.pve.caseplatform.audit.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.pve.caseplatform.audit.api.LedgerVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The command-line verification: started with {@code --verify-ledger}, it prints the report and ends the process
 * with 0 when the ledger verified, 1 when it did not.
 */
public class VerifyLedgerRunner implements ApplicationRunner {

    public static final String OPTION = "verify-ledger";

    private static final Logger log = LoggerFactory.getLogger("ledger-verification");

    private final Supplier<LedgerVerification> verifier;
    private final ObjectMapper json;
    private final IntConsumer exit;

    public VerifyLedgerRunner(Supplier<LedgerVerification> verifier, ObjectMapper json, IntConsumer exit) {
        this.verifier = verifier;
        this.json = json;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(OPTION)) {
            return;
        }
        LedgerVerification report = verifier.get();
        log.info("ledger verification:\n{}", json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        log.info("ledger {}", report.verified() ? "VERIFIED" : "NOT VERIFIED");
        exit.accept(report.verified() ? 0 : 1);
    }
}
