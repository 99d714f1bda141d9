package org.pve.caseplatform.support.kafka.parking;

import java.time.Duration;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.MessagingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The operator command over parked cases ({@code /ops/parked}), in every service (each has consumers); a retry
 * waits {@code platform.parking.retry-timeout} (30 s) at most for its consumer to get to it.
 */
@AutoConfiguration(after = MessagingConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ParkedSequencesController.class)
public class ParkingConfiguration {

    @Bean
    public ParkedCases parkedCases(ParkedSequences store, ObjectProvider<KafkaEventProcessor> processors,
                                   @Value("${platform.parking.retry-timeout:30s}") Duration retryTimeout) {
        return new ParkedCases(store, processors.orderedStream().toList(), retryTimeout);
    }
}
