package org.pve.caseplatform.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.LedgerVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainProblem;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ProblemKind;
import org.springframework.boot.DefaultApplicationArguments;

class VerifyLedgerRunnerTest {

    private final List<Integer> exits = new ArrayList<>();

    @Test
    void anIntactLedgerEndsTheCommandWithZero() throws Exception {
        runner(new LedgerVerification(true, List.of())).run(new DefaultApplicationArguments("--verify-ledger"));

        assertThat(exits).containsExactly(0);
    }

    @Test
    void aDamagedLedgerEndsTheCommandWithOne() throws Exception {
        LedgerVerification damaged = new LedgerVerification(false, List.of(new ChainVerification("t/0", 3, 2L, "h",
                null, List.of(new ChainProblem(ProblemKind.REMOVED, 1, null, "gap")))));

        runner(damaged).run(new DefaultApplicationArguments("--verify-ledger"));

        assertThat(exits).containsExactly(1);
    }

    @Test
    void withoutTheOptionTheServiceRunsOn() throws Exception {
        runner(new LedgerVerification(true, List.of())).run(new DefaultApplicationArguments());

        assertThat(exits).isEmpty();
    }

    private VerifyLedgerRunner runner(LedgerVerification report) {
        return new VerifyLedgerRunner(() -> report, new ObjectMapper(), exits::add);
    }
}
