package org.pve.caseplatform.support.kafka;

import java.time.Duration;
import java.util.List;
import org.pve.caseplatform.support.eventstore.OutboxRelay;
import org.springframework.context.SmartLifecycle;

/** Starts publishing and consuming once the service is otherwise up, and stops them before it goes down. */
public class MessagingLifecycle implements SmartLifecycle {

    private final TopicProvisioner provisioner;
    private final OutboxRelay relay;
    private final List<KafkaEventProcessor> processors;
    private volatile boolean running;

    public MessagingLifecycle(TopicProvisioner provisioner, OutboxRelay relay, List<KafkaEventProcessor> processors) {
        this.provisioner = provisioner;
        this.relay = relay;
        this.processors = processors;
    }

    @Override
    public void start() {
        provisioner.ensureDomainTopics(Duration.ofSeconds(90));
        relay.start();
        processors.forEach(KafkaEventProcessor::start);
        running = true;
    }

    @Override
    public void stop() {
        processors.forEach(KafkaEventProcessor::close);
        relay.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
