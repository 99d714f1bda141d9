package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.pve.caseplatform.support.metrics.PlatformMetrics;

/**
 * Counts the events a consumer handled ({@value PlatformMetrics#EVENTS_CONSUMED}) and times each from when it
 * occurred to when its handler finished ({@value PlatformMetrics#EVENT_LATENCY}, with a percentile histogram). When
 * it occurred is the record's timestamp, which {@link CatalogueRecords} sets to the event's occurredAt.
 */
final class ConsumedEvents {

    private final MeterRegistry registry;
    private final String consumerName;
    private final Clock clock;

    ConsumedEvents(MeterRegistry registry, String consumerName, Clock clock) {
        this.registry = registry;
        this.consumerName = consumerName;
        this.clock = clock;
    }

    void handled(DeliveredEvent event) {
        String type = PlatformMetrics.orUnknown(event.eventType());
        Counter.builder(PlatformMetrics.EVENTS_CONSUMED)
                .description("Events handled by a consumer")
                .tag("consumer", consumerName)
                .tag("event", type)
                .tag("district", PlatformMetrics.orUnknown(event.districtId()))
                .register(registry)
                .increment();
        Timer.builder(PlatformMetrics.EVENT_LATENCY)
                .description("From the event's occurredAt to the end of its handling, per consumer")
                .tag("consumer", consumerName)
                .tag("event", type)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, clock.millis() - event.timestamp())));
    }
}
