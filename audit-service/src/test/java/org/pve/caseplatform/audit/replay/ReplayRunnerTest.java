package org.pve.caseplatform.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class ReplayRunnerTest {

    private static final Instant FROM = Instant.parse("2031-03-20T00:00:00Z");

    private final Replays replays = mock(Replays.class);
    private final List<Integer> exits = new ArrayList<>();
    private final ReplayRunner runner = new ReplayRunner(replays, exits::add);

    @Test
    void withoutTheReplayOptionTheServiceJustRuns() {
        runner.run(new DefaultApplicationArguments("--server.port=0"));

        verifyNoInteractions(replays);
        assertThat(exits).isEmpty();
    }

    @Test
    void aReplayOfOneDistrictFromAnInstantThatEqualsTheLiveModelsEndsWithZero() {
        when(replays.run(new ReplayRequest("dk-east", FROM))).thenReturn(finished(List.of()));

        runner.run(new DefaultApplicationArguments("--replay", "--district=dk-east", "--from=" + FROM));

        assertThat(exits).containsExactly(0);
    }

    @Test
    void aReplayThatDiffersFromTheLiveModelsEndsWithOne() {
        when(replays.run(new ReplayRequest(null, null))).thenReturn(finished(List.of("ledger entry m-1 differs")));

        runner.run(new DefaultApplicationArguments("--replay"));

        assertThat(exits).containsExactly(1);
    }

    private static ReplayProgress finished(List<String> differences) {
        return new ReplayProgress("r-1", null, null, ReplayProgress.FINISHED, 10, 10, 25.0, Duration.ZERO,
                new ReplayComparison(10, 3, differences), null);
    }
}
