package org.pve.caseplatform.audit.replay;

import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The command-line replay: started with {@code --replay} (and optionally {@code --district=<id>} and
 * {@code --from=<instant>}), it logs its progress while it runs and its rate at the end, then ends the process with
 * 0 when the rebuilt models equal the live ones, 1 when they do not or the replay failed.
 */
public class ReplayRunner implements ApplicationRunner {

    public static final String OPTION = "replay";

    private static final Logger log = LoggerFactory.getLogger("replay");

    private final Replays replays;
    private final IntConsumer exit;

    public ReplayRunner(Replays replays, IntConsumer exit) {
        this.replays = replays;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        String from = single(args.getOptionValues("from"));
        ReplayProgress result = replays.run(new ReplayRequest(single(args.getOptionValues("district")),
                from == null ? null : Instant.parse(from)));
        log.info("replay {} {}: {} events at {} events/s, into database of replay {}; models equal to the live "
                        + "ones: {}", result.replayId(), result.status(), result.eventsDone(),
                String.format("%.1f", result.ratePerSecond()), result.replayId(),
                result.comparison() != null && result.comparison().equal());
        exit.accept(result.comparison() != null && result.comparison().equal() ? 0 : 1);
    }

    private static String single(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
