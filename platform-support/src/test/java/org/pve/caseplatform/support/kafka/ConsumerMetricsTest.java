package org.pve.caseplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.metrics.PlatformMetrics;

class ConsumerMetricsTest {

    private static final TopicPartition P0 = new TopicPartition("case.referral.events", 0);
    private static final TopicPartition P1 = new TopicPartition("case.referral.events", 1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void lagIsHowFarEachAssignedPartitionIsBehindItsLogEndAndGoesWithThePartition() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 4L));
        consumer.seek(P0, 7);
        consumer.seek(P1, 4);
        ConsumerLag lag = new ConsumerLag(registry, "case-index");

        lag.update(consumer);
        assertThat(lag(P0)).isEqualTo(3);
        assertThat(lag(P1)).isZero();

        consumer.updateEndOffsets(Map.of(P0, 12L));
        lag.update(consumer);
        assertThat(lag(P0)).isEqualTo(5);

        lag.forget(List.of(P1));
        assertThat(gauge(P1)).as("a revoked partition's series is gone").isNull();
        lag.forgetAll();
        assertThat(registry.find(PlatformMetrics.CONSUMER_LAG).gauges()).isEmpty();
    }

    @Test
    void aHandledEventIsCountedByConsumerTypeAndDistrictAndTimedFromWhenItOccurred() {
        Instant occurred = Instant.parse("2026-11-26T10:00:00Z");
        Clock handledAt = Clock.fixed(occurred.plusMillis(1_500), ZoneOffset.UTC);
        ConsumedEvents consumed = new ConsumedEvents(registry, "plan-service.assessment-events", handledAt);

        consumed.handled(event("FormulationAgreed", "dk-fyn", occurred));
        consumed.handled(event("FormulationAgreed", "dk-fyn", occurred.plusMillis(1_000)));
        consumed.handled(event(null, null, occurred));

        assertThat(registry.get(PlatformMetrics.EVENTS_CONSUMED).tag("consumer", "plan-service.assessment-events")
                .tag("event", "FormulationAgreed").tag("district", "dk-fyn").counter().count()).isEqualTo(2);
        assertThat(registry.get(PlatformMetrics.EVENTS_CONSUMED).tag("event", "unknown").tag("district", "unknown")
                .counter().count()).isEqualTo(1);
        Timer latency = registry.get(PlatformMetrics.EVENT_LATENCY).tag("consumer", "plan-service.assessment-events")
                .tag("event", "FormulationAgreed").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500 + 500);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

    @Test
    void theLatencyIsPublishedAsAPrometheusHistogram() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Instant occurred = Instant.parse("2026-11-26T10:00:00Z");
        new ConsumedEvents(prometheus, "audit-service.ledger", Clock.fixed(occurred.plusMillis(250), ZoneOffset.UTC))
                .handled(event("ReferralReceived", "dk-fyn", occurred));

        String scrape = prometheus.scrape();

        assertThat(scrape).contains("platform_event_latency_seconds_bucket{consumer=\"audit-service.ledger\","
                + "event=\"ReferralReceived\",le=\"0.268435456\"} 1");
        assertThat(scrape).contains("platform_event_latency_seconds_bucket{consumer=\"audit-service.ledger\","
                + "event=\"ReferralReceived\",le=\"0.178956969\"} 0");
        assertThat(scrape).contains("platform_events_consumed_total{consumer=\"audit-service.ledger\","
                + "district=\"dk-fyn\",event=\"ReferralReceived\"} 1.0");
    }

    private static DeliveredEvent event(String type, String district, Instant occurred) {
        return new DeliveredEvent("case.assessment.events", 0, 1, occurred.toEpochMilli(), "key", type, 1, "m",
                "c", district, "corr", "{}");
    }

    private double lag(TopicPartition partition) {
        return gauge(partition).value();
    }

    private Gauge gauge(TopicPartition partition) {
        return registry.find(PlatformMetrics.CONSUMER_LAG).tag("consumer", "case-index")
                .tag("topic", partition.topic()).tag("partition", Integer.toString(partition.partition())).gauge();
    }
}
