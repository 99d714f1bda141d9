package org.pve.caseplatform.referral.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.referral.command.RetentionPoller;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.pve.caseplatform.referral.command.RetentionRecorder;
import org.pve.caseplatform.referral.command.RetentionSchedule;
import org.pve.caseplatform.referral.command.SubjectErasure;
import org.pve.caseplatform.referral.inbound.DeadLetterKeys;
import org.pve.caseplatform.referral.inbound.InboundPurge;
import org.pve.caseplatform.referral.matching.OpenCaseClaims;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.query.ReferralIndex;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.KafkaEventProcessor;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Erasure and retention: crypto-shredding a person on request, the erasure due dates of finished cases (recorded
 * from the referral, assessment and plan topics in the consumer group {@code referral.retention.group}), and the
 * poller that erases what is due on the service's clock ({@code platform.retention.*}).
 */
@Configuration
class RetentionConfiguration {

    @Bean
    SubjectErasure subjectErasure(ReferralIndex referrals, PersonalDataVault vault, CommandGateway commands,
                                  OpenCaseClaims claims, InboundPurge inbound, Clock clock) {
        return new SubjectErasure(referrals, vault, commands, claims, inbound, clock);
    }

    @Bean
    RetentionSchedule retentionSchedule(ServiceDatabase database) {
        return new RetentionSchedule(database);
    }

    @Bean
    RetentionRecorder retentionRecorder(RetentionSchedule schedule, DistrictDirectory districts) {
        return new RetentionRecorder(schedule, districts);
    }

    @Bean
    KafkaEventProcessor retentionProcessor(KafkaSettings kafka, RetentionRecorder recorder,
                                           @Value("${referral.retention.group:referral-service.retention}")
                                           String group, MeterRegistry registry) {
        return new KafkaEventProcessor("retention",
                List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS),
                kafka.consumerProperties(group), recorder::on, registry);
    }

    @Bean
    RetentionPoller retentionPoller(RetentionSchedule schedule, CaseIndex cases, ReferralIndex referrals,
                                    SubjectErasure erasure, DeadLetterKeys deadLetterKeys, Clock clock,
                                    @Value("${platform.retention.recheck-after:1d}") Duration recheckAfter,
                                    @Value("${platform.retention.dead-letter-keys:7d}") Duration deadLetterKeyLife) {
        return new RetentionPoller(schedule, cases, referrals, erasure, deadLetterKeys, clock,
                new RetentionPoller.Settings(recheckAfter, deadLetterKeyLife));
    }

    @Bean
    PeriodicTask retentionPolling(RetentionPoller poller,
                                   @Value("${platform.retention.poll-interval:1h}") Duration interval) {
        return new PeriodicTask("retention", interval, poller::applyDue);
    }
}
