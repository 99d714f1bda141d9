package org.pve.caseplatform.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.cohort.CohortReader;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cohort read model, kept by its own consumer group over the three case topics. */
@Configuration
class CohortConfiguration {

    static final String PROCESSOR = "audit-cohorts";
    static final String CONSUMER_GROUP = "audit-service.cohorts";
    static final List<String> CASE_TOPICS =
            List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS);

    @Bean
    CohortCases cohortCases(ServiceDatabase database) {
        return new CohortCases(database.database());
    }

    @Bean
    CohortReader cohortReader(CohortCases cases) {
        return new CohortReader(cases);
    }

    /** Not when the process only verifies the ledger or replays: it must not join the group. */
    @Bean(PROCESSOR)
    @ConditionalOnExpression("'${verify-ledger:absent}' == 'absent' and '${replay:absent}' == 'absent'")
    KafkaEventProcessor auditCohorts(KafkaSettings kafka, CohortCases cases, MeterRegistry registry) {
        CohortProjection projection = new CohortProjection(cases);
        return new KafkaEventProcessor(PROCESSOR, CASE_TOPICS, kafka.consumerProperties(CONSUMER_GROUP),
                projection::on, registry);
    }
}
