package org.pve.caseplatform.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;

class CommandOutcomesTest {

    record AgreeSomething(String what) {
    }

    record FailAtCommit(String what) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DefaultCommandGateway gateway;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CommandOutcomes(registry));
        bus.subscribe(AgreeSomething.class.getName(), command -> {
            String what = ((AgreeSomething) command.getPayload()).what();
            return switch (what) {
                case "stage" -> throw new LifecycleViolation("stage", "the case is closed");
                case "field" -> throw new InvalidRequest("needs", "must not be empty");
                case "role" -> throw new Forbidden("role", "may not agree");
                case "bug" -> throw new IllegalStateException("a bug");
                default -> what;
            };
        });
        bus.subscribe(FailAtCommit.class.getName(), command -> {
            CurrentUnitOfWork.get().onPrepareCommit(unit -> {
                throw new IllegalStateException("the event store refused the append");
            });
            return "handled";
        });
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @Test
    void countsEachCommandOnceByNameAndOutcome() {
        gateway.sendAndWait(new AgreeSomething("fine"));
        gateway.sendAndWait(new AgreeSomething("fine"));
        assertThatThrownBy(() -> gateway.sendAndWait(new AgreeSomething("stage")));
        assertThatThrownBy(() -> gateway.sendAndWait(new AgreeSomething("field")));
        assertThatThrownBy(() -> gateway.sendAndWait(new AgreeSomething("role")));
        assertThatThrownBy(() -> gateway.sendAndWait(new AgreeSomething("bug")));

        assertThat(count("AgreeSomething", "success")).isEqualTo(2);
        assertThat(count("AgreeSomething", "rejected")).isEqualTo(3);
        assertThat(count("AgreeSomething", "failed")).isEqualTo(1);
    }

    @Test
    void aCommandWhoseUnitOfWorkFailsAtCommitCountsAsFailedNotSuccess() {
        assertThatThrownBy(() -> gateway.sendAndWait(new FailAtCommit("x")));

        assertThat(count("FailAtCommit", "failed")).isEqualTo(1);
        assertThat(registry.find(PlatformMetrics.COMMANDS).tag("command", "FailAtCommit").tag("outcome", "success")
                .counter()).isNull();
    }

    @Test
    void aRefusalWrappedByTheGatewayIsStillARejection() {
        assertThat(CommandOutcomes.outcomeOf(new CommandExecutionException("wrapped", new Forbidden("role", "no"))))
                .isEqualTo(CommandOutcomes.REJECTED);
        assertThat(CommandOutcomes.outcomeOf(new RuntimeException("boom"))).isEqualTo(CommandOutcomes.FAILED);
        assertThat(CommandOutcomes.outcomeOf(null)).isEqualTo(CommandOutcomes.FAILED);
    }

    private double count(String command, String outcome) {
        Counter counter = registry.find(PlatformMetrics.COMMANDS).tag("command", command).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
