package org.pve.caseplatform.support.kafka.parking;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;

/**
 * The operator's side of parking in a service: its parked sequences, and a retry handed to the processor that
 * parked the case (which runs it in its own thread between two batches, and answers once it has).
 */
public class ParkedCases {

    /** The processor did not get to the retry in time (busy retrying a transient failure, or stopping). */
    public static class RetryNotServed extends RuntimeException {
        RetryNotServed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ParkedSequences store;
    private final Map<String, KafkaEventProcessor> processors;
    private final Duration retryTimeout;

    public ParkedCases(ParkedSequences store, List<KafkaEventProcessor> processors, Duration retryTimeout) {
        this.store = store;
        this.processors = processors.stream().collect(Collectors.toMap(KafkaEventProcessor::name,
                Function.identity()));
        this.retryTimeout = retryTimeout;
    }

    public List<ParkedSequence> all() {
        return store.all();
    }

    /** The sequence, when one of this service's processors parked it. */
    public Optional<ParkedSequence> find(String consumer, String caseId) {
        return processors.containsKey(consumer) ? store.find(consumer, caseId) : Optional.empty();
    }

    public RetryOutcome retry(ParkedSequence sequence) {
        try {
            return processors.get(sequence.consumer()).retryParked(sequence.caseId())
                    .get(retryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryNotServed("interrupted while waiting for the retry", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RetryNotServed("the consumer " + sequence.consumer() + " did not retry the case within "
                    + retryTimeout.toSeconds() + " s (it may be waiting for MongoDB or Kafka, or not running)", e);
        }
    }
}
