package org.pve.caseplatform.referral.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.pve.caseplatform.referral.command.ReferralIntake;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbound Kafka channel: referrals from municipal and police systems. Values are read as bytes, so a dead letter
 * keeps exactly what was sent; a new consumer group starts at the earliest record still retained, but the topic
 * keeps records only briefly and is never replayed.
 */
@Configuration
@EnableConfigurationProperties(InboundSettings.class)
class InboundConfiguration {

    @Bean
    DeadLetterKeys deadLetterKeys(ServiceDatabase database, PersonalDataVault vault) {
        return new DeadLetterKeys(database, vault);
    }

    @Bean
    InboundPurge inboundPurge(KafkaSettings kafka, InboundSettings settings) {
        return new InboundPurge(kafka, settings);
    }

    @Bean
    InboundReferralConsumer inboundReferralConsumer(InboundSettings settings, KafkaSettings kafka,
                                                    ReferralIntake intake, Validator validator,
                                                    DistrictDirectory districts, PersonalDataVault vault,
                                                    Pseudonymiser pseudonymiser, DeadLetterKeys deadLetterKeys,
                                                    Clock clock, Producer<String, String> eventProducer,
                                                    MeterRegistry registry) {
        Properties consumer = kafka.consumerProperties(settings.groupId());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        InboundTopics topics = new InboundTopics(kafka, settings);
        return new InboundReferralConsumer(settings.topic(), () -> new KafkaConsumer<>(consumer),
                () -> topics.ensure(Duration.ofSeconds(90)),
                new InboundReferralHandler(new InboundReferralReader(validator, districts), intake,
                        new DeadLetters(settings.deadLetterTopic(), eventProducer, vault, pseudonymiser,
                                deadLetterKeys, clock, registry)), registry);
    }
}
