package org.pve.caseplatform.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Topics;

class InboundSettingsTest {

    @Test
    void byDefaultTheServiceConsumesTheContractsInboundTopicInItsOwnGroupAndKeepsRecordsThreeDays() {
        InboundSettings defaults = new InboundSettings(null, null, null, null, null);

        assertThat(defaults.topic()).isEqualTo(Topics.INBOUND_REFERRALS);
        assertThat(defaults.deadLetterTopic()).isEqualTo(Topics.INBOUND_REFERRALS_DLT);
        assertThat(defaults.groupId()).isEqualTo("referral-service.inbound");
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.deadLetterRetention()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void deadLettersKeepTheInboundRetentionUnlessTheyHaveTheirOwn() {
        assertThat(new InboundSettings(null, null, null, Duration.ofHours(6), null).deadLetterRetention())
                .isEqualTo(Duration.ofHours(6));
        assertThat(new InboundSettings(null, null, null, Duration.ofHours(6), Duration.ofDays(7))
                .deadLetterRetention()).isEqualTo(Duration.ofDays(7));
    }
}
