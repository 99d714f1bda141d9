package org.pve.caseplatform.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pve.caseplatform.audit.query.Deliveries.delivered;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.kafka.DeliveredEvent;

class CaseHistoryReaderTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final UUID OTHER_CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5f");
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final Instant T0 = Instant.parse("2031-03-04T09:00:00Z");

    private LedgerProjection projection;
    private CaseHistoryReader histories;

    @BeforeEach
    void setUp() {
        Ledger ledger = new Ledger(Deliveries.freshDatabase());
        projection = new LedgerProjection(ledger, Clock.systemUTC());
        histories = new CaseHistoryReader(ledger);
    }

    @Test
    void eventsAreListedInTheOrderTheyOccurredNotTheOrderTheyArrived() {
        projection.on(delivered(opened(CASE, T0.plusSeconds(600)), "msg-opened", 0, 4));
        projection.on(delivered(cleared(CASE, T0.plusSeconds(300)), "msg-cleared", 1, 9));
        projection.on(at(Topics.REFERRAL_EVENTS, 1, 8, "msg-received", T0));

        CaseHistory history = histories.find(CASE, null);

        assertThat(history.caseId()).isEqualTo(CASE);
        assertThat(history.asOf()).isNull();
        assertThat(history.events()).extracting(RecordedEvent::messageId)
                .containsExactly("msg-received", "msg-cleared", "msg-opened");
        assertThat(history.events()).extracting(RecordedEvent::service)
                .containsExactly("referral-service", "referral-service", "assessment-service");
    }

    @Test
    void eventsOfTheSameInstantFollowTopicThenPartitionThenOffset() {
        projection.on(at(Topics.PLAN_EVENTS, 0, 5, "plan-0-5", T0));
        projection.on(at(Topics.ASSESSMENT_EVENTS, 1, 2, "assessment-1-2", T0));
        projection.on(at(Topics.ASSESSMENT_EVENTS, 0, 11, "assessment-0-11", T0));
        projection.on(at(Topics.ASSESSMENT_EVENTS, 0, 3, "assessment-0-3", T0));
        projection.on(at(Topics.ACCESS_LOG, 2, 40, "access-2-40", T0));

        assertThat(histories.find(CASE, null).events()).extracting(RecordedEvent::messageId).containsExactly(
                "access-2-40", "assessment-0-3", "assessment-0-11", "assessment-1-2", "plan-0-5");
    }

    @Test
    void instantsWithinOneMillisecondKeepTheirOrder() {
        projection.on(at(Topics.ASSESSMENT_EVENTS, 0, 1, "later", T0.plusNanos(700_000)));
        projection.on(at(Topics.PLAN_EVENTS, 0, 1, "earlier", T0.plusNanos(200_000)));

        assertThat(histories.find(CASE, null).events()).extracting(RecordedEvent::messageId)
                .containsExactly("earlier", "later");
        assertThat(histories.find(CASE, T0.plusNanos(500_000)).events()).extracting(RecordedEvent::messageId)
                .containsExactly("earlier");
    }

    @Test
    void asOfKeepsWhatHadHappenedByThenIncludingThatInstant() {
        projection.on(at(Topics.REFERRAL_EVENTS, 0, 1, "msg-received", T0));
        projection.on(delivered(cleared(CASE, T0.plusSeconds(300)), "msg-cleared", 0, 2));
        projection.on(delivered(opened(CASE, T0.plusSeconds(600)), "msg-opened", 0, 1));

        CaseHistory history = histories.find(CASE, T0.plusSeconds(300));

        assertThat(history.asOf()).isEqualTo(T0.plusSeconds(300));
        assertThat(history.events()).extracting(RecordedEvent::messageId)
                .containsExactly("msg-received", "msg-cleared");
    }

    @Test
    void aHistoryHoldsOnlyItsOwnCase() {
        projection.on(delivered(cleared(CASE, T0), "msg-mine", 0, 1));
        projection.on(delivered(cleared(OTHER_CASE, T0), "msg-other", 0, 2));

        assertThat(histories.find(CASE, null).events()).extracting(RecordedEvent::messageId)
                .containsExactly("msg-mine");
    }

    @Test
    void aCaseTheLedgerNeverSawIsUnknown() {
        projection.on(delivered(cleared(OTHER_CASE, T0), "msg-other", 0, 1));

        assertThatThrownBy(() -> histories.find(CASE, null)).isInstanceOf(UnknownRecord.class);
    }

    @Test
    void aCaseWithNothingBeforeAsOfIsUnknownAsOfThen() {
        projection.on(delivered(cleared(CASE, T0), "msg-cleared", 0, 1));

        assertThatThrownBy(() -> histories.find(CASE, T0.minusNanos(1))).isInstanceOf(UnknownRecord.class);
    }

    private static DeliveredEvent at(String topic, int partition, long offset, String messageId, Instant occurredAt) {
        String json = "{\"caseId\":\"" + CASE + "\",\"districtId\":\"dk-fyn\",\"occurredAt\":\"" + occurredAt + "\"}";
        return new DeliveredEvent(topic, partition, offset, 0, CASE.toString(), "Invented", 1, messageId,
                CASE.toString(), "dk-fyn", null, json);
    }

    private static SecurityScreenCleared cleared(UUID caseId, Instant occurredAt) {
        return new SecurityScreenCleared(caseId, "dk-fyn", occurredAt, REFERRAL, "sub-7f3a", "screener-ole", "fine");
    }

    private static AssessmentOpened opened(UUID caseId, Instant occurredAt) {
        return new AssessmentOpened(caseId, "dk-fyn", occurredAt, "sub-7f3a", "dk-dialogue", 2,
                List.of(Agency.POLICE, Agency.SOCIAL_SERVICES), occurredAt.plusSeconds(86_400 * 28L));
    }
}
