package org.pve.caseplatform.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.serialization.Serializer;
import org.pve.caseplatform.support.eventstore.EventStoreConfiguration;
import org.pve.caseplatform.support.eventstore.OutboxRelay;
import org.pve.caseplatform.support.eventstore.OutboxStorageStrategy;
import org.pve.caseplatform.support.eventstore.PublicationLease;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.eventstore.StoredEventConverter;
import org.pve.caseplatform.support.kafka.parking.ParkedSequences;
import org.pve.caseplatform.support.kafka.parking.ParkingSettings;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.sharding.ShardingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires a service to Kafka: its domain topics, the outbox relay that publishes its events, and its consumers, each
 * pinned to the instance's district shard before it starts (ADR 0010).
 */
@AutoConfiguration(after = {EventStoreConfiguration.class, ShardingConfiguration.class})
@EnableConfigurationProperties(KafkaSettings.class)
public class MessagingConfiguration {

    @Bean
    public TopicProvisioner topicProvisioner(KafkaSettings settings) {
        return new TopicProvisioner(settings);
    }

    @Bean(destroyMethod = "close")
    public Producer<String, String> eventProducer(KafkaSettings settings) {
        return new KafkaProducer<>(settings.producerProperties());
    }

    @Bean
    public OutboxRelay outboxRelay(ServiceDatabase database, Producer<String, String> eventProducer,
                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                   @Value("${platform.outbox.poll-interval:200ms}") Duration pollInterval,
                                   @Value("${platform.outbox.batch-size:500}") int batchSize,
                                   MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        PublicationLease lease = new PublicationLease(database.database().getCollection("outbox_lease"),
                Duration.ofSeconds(10), clock);
        return new OutboxRelay(database.database().getCollection(OutboxStorageStrategy.EVENTS_COLLECTION), lease,
                eventProducer, new StoredEventConverter(eventSerializer), pollInterval, batchSize, clock,
                registry);
    }

    @Bean
    public ParkedSequences parkedSequences(ServiceDatabase database) {
        return new ParkedSequences(database.database().getCollection(ParkedSequences.COLLECTION), Clock.systemUTC());
    }

    @Bean
    public ParkingSettings parkingSettings(@Value("${platform.parking.attempts:3}") int attempts,
                                           @Value("${platform.parking.pause:500ms}") Duration pause) {
        return new ParkingSettings(attempts, pause);
    }

    /**
     * Starts the processors, each pinned to the instance's district shard (ADR 0010) and parking the cases it cannot
     * handle in the service's own database, except those named in {@code platform.parking.never}: a consumer that must
     * see every record in partition order (the audit ledger's hash chains) waits for a failing record however long it
     * takes, as before parking.
     */
    @Bean
    public MessagingLifecycle messagingLifecycle(TopicProvisioner provisioner, OutboxRelay relay,
                                                 ObjectProvider<KafkaEventProcessor> processors,
                                                 ObjectProvider<DistrictShard> shard, CommandBus commandBus,
                                                 ParkedSequences parked, ParkingSettings parking,
                                                 @Value("${platform.parking.never:}") List<String> neverPark) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.afterCommit(committed -> relay.wakeUp());
            return chain.proceed();
        });
        List<KafkaEventProcessor> consumers = List.copyOf(processors.orderedStream().toList());
        DistrictShard ownShard = shard.getIfAvailable(DistrictShard::everything);
        consumers.forEach(processor -> processor.pin(ownShard.forConsumer(processor.name())));
        consumers.stream().filter(processor -> !neverPark.contains(processor.name()))
                .forEach(processor -> processor.parkIn(parked, parking));
        return new MessagingLifecycle(provisioner, relay, consumers);
    }
}
