package org.pve.caseplatform.referral.inbound;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pve.caseplatform.referral.command.ReferralIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one inbound message: a message that reads as a referral goes through the same intake as HTTP (a resend
 * with a known externalReference creates nothing new); one that never can be taken is dead-lettered with its reason.
 * Anything it throws is transient (MongoDB or Kafka unavailable) and the message is to be tried again.
 */
final class InboundReferralHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundReferralHandler.class);

    private final InboundReferralReader reader;
    private final ReferralIntake intake;
    private final DeadLetters deadLetters;

    InboundReferralHandler(InboundReferralReader reader, ReferralIntake intake, DeadLetters deadLetters) {
        this.reader = reader;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    void handle(ConsumerRecord<String, byte[]> record) throws Exception {
        Reading reading = reader.read(record.key(), record.value());
        if (reading instanceof Reading.Refused refused) {
            deadLetter(record, refused);
        } else {
            receive(record, ((Reading.Accepted) reading));
        }
    }

    private void receive(ConsumerRecord<String, byte[]> record, Reading.Accepted accepted) throws Exception {
        Optional<Reading.Refused> refusal;
        try {
            intake.receive(accepted.referral());
            return;
        } catch (RuntimeException e) {
            refusal = IntakeRefusals.of(e);
            if (refusal.isEmpty()) {
                throw e;
            }
        }
        deadLetter(record, refusal.get());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Reading.Refused refused) throws Exception {
        deadLetters.publish(record, refused);
        log.info("inbound referral at {}/{}@{} refused and dead-lettered: {}", record.topic(), record.partition(),
                record.offset(), refused.reason());
    }
}
