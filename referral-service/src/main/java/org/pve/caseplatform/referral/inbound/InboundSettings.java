package org.pve.caseplatform.referral.inbound;

import java.time.Duration;
import org.pve.caseplatform.contract.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The inbound referral channel ({@code platform.inbound.*}). The topics hold plaintext personal data, so they keep
 * records only briefly and are never a replay source: what was taken is in the event store, what was refused is on
 * the dead-letter topic (encrypted) until it too expires.
 *
 * @param topic where integrating systems send referrals
 * @param deadLetterTopic where refused messages go, with their reason and the original encrypted
 * @param groupId the consumer group of the referral service on {@code topic}
 * @param retention how long the broker keeps inbound messages (retention.ms of {@code topic})
 * @param deadLetterRetention how long it keeps dead letters; the same as {@code retention} unless set
 */
@ConfigurationProperties("platform.inbound")
public record InboundSettings(String topic, String deadLetterTopic, String groupId, Duration retention,
                              Duration deadLetterRetention) {

    public InboundSettings {
        topic = topic == null ? Topics.INBOUND_REFERRALS : topic;
        deadLetterTopic = deadLetterTopic == null ? topic + ".dlt" : deadLetterTopic;
        groupId = groupId == null ? "referral-service.inbound" : groupId;
        retention = retention == null ? Duration.ofDays(3) : retention;
        deadLetterRetention = deadLetterRetention == null ? retention : deadLetterRetention;
    }
}
