package org.pve.caseplatform.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.pve.caseplatform.support.domain.ConcurrentChange;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.StaleVersion;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * Counts every command the service's command bus handles, by its simple class name and outcome ({@value #SUCCESS},
 * {@value #REJECTED} for the refusals answered with 4xx: lifecycle, validation, access, unknown record, concurrent
 * change; {@value #FAILED} for anything else). The outcome is taken when the unit of work ends, so an event store
 * append that fails at commit counts as failed, not success.
 */
public class CommandOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String SUCCESS = "success";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";

    private static final List<Class<? extends Throwable>> REFUSALS = List.of(LifecycleViolation.class,
            InvalidRequest.class, Forbidden.class, UnknownRecord.class, AggregateNotFoundException.class,
            ConcurrencyException.class, ConflictingModificationException.class,
            ConstraintViolationException.class, StaleVersion.class, ConcurrentChange.class);

    private final MeterRegistry registry;

    public CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(done -> count(command, done.getExecutionResult().isExceptionResult()
                ? outcomeOf(done.getExecutionResult().getExceptionResult()) : SUCCESS));
        unitOfWork.onRollback(undone -> count(command, outcomeOf(undone.getExecutionResult() == null
                ? null : undone.getExecutionResult().getExceptionResult())));
        return chain.proceed();
    }

    /** {@value #REJECTED} when the failure, or one of its causes, is a refusal the caller is answered with 4xx. */
    static String outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> refusal : REFUSALS) {
                if (refusal.isInstance(cause)) {
                    return REJECTED;
                }
            }
        }
        return FAILED;
    }

    private void count(String command, String outcome) {
        Counter.builder(PlatformMetrics.COMMANDS)
                .description("Commands handled by the service's command bus, by outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
