package org.pve.caseplatform.referral.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.pve.caseplatform.support.kafka.KafkaRecordLoop;
import org.springframework.context.SmartLifecycle;

/**
 * Tracks the inbound topic in its consumer group ({@link KafkaRecordLoop}: partition order, commit after handling,
 * failures retried and never skipped) and hands each message to the handler, which takes it or dead-letters it; a
 * failure such as MongoDB or Kafka being unavailable is tried again, never dead-lettered for it. Nothing here logs
 * a message body: it is plaintext personal data.
 */
final class InboundReferralConsumer implements SmartLifecycle {

    private final KafkaRecordLoop<byte[]> loop;
    private final Runnable beforeStart;

    /** {@code beforeStart} runs once in {@link #start()}, before anything is consumed (it creates the topics). */
    InboundReferralConsumer(String topic, Supplier<Consumer<String, byte[]>> consumers, Runnable beforeStart,
                            InboundReferralHandler handler, MeterRegistry registry) {
        this.loop = new KafkaRecordLoop<>("inbound-referrals", List.of(topic), consumers, handler::handle, registry);
        this.beforeStart = beforeStart;
    }

    @Override
    public synchronized void start() {
        if (!loop.isRunning()) {
            beforeStart.run();
            loop.start();
        }
    }

    @Override
    public void stop() {
        loop.close();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
