package org.pve.caseplatform.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.pve.caseplatform.audit.egress.EgressCases;
import org.pve.caseplatform.audit.egress.EgressFilter;
import org.pve.caseplatform.audit.egress.EgressRelay;
import org.pve.caseplatform.audit.egress.EgressTopics;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The egress for integrating consumers: its own consumer group over the three case topics, republishing the events
 * of cleared cases, filtered, to {@code integration.cases.egress.<districtId>} (kept
 * {@code platform.audit.egress.retention}, 30 days by default). Off with {@code platform.audit.egress.enabled=false}.
 */
@Configuration
class EgressConfiguration {

    static final String PROCESSOR = "audit-egress";
    static final String CONSUMER_GROUP = "audit-service.egress";

    /** Not when the process only verifies the ledger or replays: it must not join the group. */
    @Bean(PROCESSOR)
    @ConditionalOnExpression("'${verify-ledger:absent}' == 'absent' and '${replay:absent}' == 'absent' "
            + "and '${platform.audit.egress.enabled:true}' == 'true'")
    KafkaEventProcessor auditEgress(KafkaSettings kafka, ServiceDatabase database,
                                    Producer<String, String> eventProducer,
                                    @Value("${platform.audit.egress.retention:P30D}") Duration retention,
                                    MeterRegistry registry) {
        EgressTopics topics = new EgressTopics(eventProducer, kafka.adminProperties(), kafka.partitions(),
                kafka.replicationFactor(), retention);
        EgressRelay relay = new EgressRelay(new EgressCases(database.database()), new EgressFilter(), topics::send);
        return new KafkaEventProcessor(PROCESSOR, CohortConfiguration.CASE_TOPICS,
                kafka.consumerProperties(CONSUMER_GROUP), relay::on, registry);
    }
}
