package org.pve.caseplatform.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.audit.query.SubjectExports;
import org.pve.caseplatform.audit.query.SubjectIndex;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger in the service's own database, fed by one consumer group over every case topic and the access log. */
@Configuration
class LedgerConfiguration {

    static final String PROCESSOR = "audit-ledger";
    static final String CONSUMER_GROUP = "audit-service.ledger";
    static final List<String> WITNESSED_TOPICS =
            List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS, Topics.ACCESS_LOG);

    @Bean
    Ledger ledger(ServiceDatabase database) {
        return new Ledger(database.database());
    }

    /** The subject index, filled from the ledger once if it was written before the index existed. */
    @Bean
    SubjectIndex subjectIndex(ServiceDatabase database, Ledger ledger) {
        SubjectIndex index = new SubjectIndex(database.database());
        index.fillFrom(ledger);
        return index;
    }

    @Bean
    LedgerProjection ledgerProjection(Ledger ledger, HashChains chains, SubjectIndex subjects) {
        return new LedgerProjection(ledger, chains, Clock.systemUTC(), subjects);
    }

    @Bean
    CaseHistoryReader caseHistoryReader(Ledger ledger, PersonalDataVault vault) {
        return new CaseHistoryReader(ledger, vault::holdsKey);
    }

    @Bean
    SubjectExports subjectExports(Ledger ledger, SubjectIndex subjects, PersonalDataVault vault) {
        return new SubjectExports(ledger, subjects, vault, Clock.systemUTC());
    }

    /** Not when the process only verifies the ledger ({@code --verify-ledger}) or replays ({@code --replay}). */
    @Bean(PROCESSOR)
    @ConditionalOnExpression("'${verify-ledger:absent}' == 'absent' and '${replay:absent}' == 'absent'")
    KafkaEventProcessor auditLedger(KafkaSettings kafka, LedgerProjection projection, MeterRegistry registry) {
        return new KafkaEventProcessor(PROCESSOR, WITNESSED_TOPICS, kafka.consumerProperties(CONSUMER_GROUP),
                projection::on, registry);
    }
}
