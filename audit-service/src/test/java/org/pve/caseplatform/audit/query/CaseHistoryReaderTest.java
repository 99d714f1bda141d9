package org.pve.caseplatform.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pve.caseplatform.audit.query.Deliveries.delivered;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.plan.CaseEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
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
        histories = new CaseHistoryReader(ledger, keyRef -> true);
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

    @Test
    void aPersonalFieldWhoseKeyIsDestroyedIsShownErasedAndOneWhoseKeyIsHeldStaysCiphertext() {
        Ledger ledger = new Ledger(Deliveries.freshDatabase());
        new LedgerProjection(ledger, Clock.systemUTC()).on(delivered(received(CASE,
                EncryptedValue.of("sub-gone", "aXY=", "Z29uZQ=="), EncryptedValue.of("sub-kept", "aXY=", "a2VwdA==")),
                "msg-received", 0, 1));

        CaseHistory history = new CaseHistoryReader(ledger, "sub-kept"::equals).find(CASE, null);

        Map<String, Object> data = history.events().get(0).data();
        assertThat(new HashMap<>((Map<?, ?>) data.get("subjectIdentity"))).isEqualTo(Map.of("erased", true));
        assertThat(((Map<?, ?>) data.get("concernSummary")).get("ciphertext")).isEqualTo("a2VwdA==");
        assertThat(data.get("subjectRef")).isEqualTo("sub-7f3a");
    }

    @Test
    void aCaseEscalatedToSecurityIsSealedUntilHandedBackAndTheChannelPanelSealsNothing() {
        projection.on(delivered(received(CASE, null, null), "msg-received", 0, 1));
        assertThat(histories.caseFile(CASE)).hasValue(new CaseFile(CASE, "dk-fyn", false));

        projection.on(delivered(escalated(CASE, SecurityDestination.CHANNEL_PANEL, 60), "msg-panel", 0, 2));
        assertThat(histories.caseFile(CASE).orElseThrow().sealed()).isFalse();

        projection.on(delivered(escalated(CASE, SecurityDestination.POLICE_INVESTIGATION, 120), "msg-police", 0, 3));
        assertThat(histories.caseFile(CASE).orElseThrow().sealed()).isTrue();

        projection.on(delivered(new CaseReturnedFromSecurity(CASE, "dk-fyn", T0.plusSeconds(180), REFERRAL,
                "police-kim", "no longer a security matter"), "msg-returned", 0, 4));
        assertThat(histories.caseFile(CASE).orElseThrow().sealed()).isFalse();
        assertThat(histories.caseFile(OTHER_CASE)).isEmpty();
    }

    @Test
    void anEscalationFromTheAssessmentOrThePlanSealsTheCaseTooButNotOneToTheChannelPanel() {
        projection.on(delivered(received(CASE, null, null), "msg-received-a", 0, 1));
        projection.on(delivered(new AssessmentEscalatedToSecurity(CASE, "dk-fyn", T0.plusSeconds(60), "invented",
                "panel-police", SecurityDestination.CHANNEL_PANEL), "msg-assessment-panel", 0, 2));
        assertThat(histories.caseFile(CASE).orElseThrow().sealed()).isFalse();

        projection.on(delivered(new CaseEscalatedToSecurity(CASE, "dk-fyn", T0.plusSeconds(120), "invented",
                "owner-sam", SecurityDestination.INTELLIGENCE_SERVICE), "msg-plan-escalated", 0, 3));
        assertThat(histories.caseFile(CASE).orElseThrow().sealed()).isTrue();

        projection.on(delivered(received(OTHER_CASE, null, null), "msg-received-b", 0, 4));
        projection.on(delivered(new AssessmentEscalatedToSecurity(OTHER_CASE, "dk-fyn", T0.plusSeconds(60),
                "invented", "panel-police", SecurityDestination.POLICE_INVESTIGATION), "msg-assessment-police", 0, 5));
        assertThat(histories.caseFile(OTHER_CASE).orElseThrow().sealed()).isTrue();
    }

    private static ReferralReceived received(UUID caseId, EncryptedValue identity, EncryptedValue summary) {
        return new ReferralReceived(caseId, "dk-fyn", T0, REFERRAL, "0461", Channel.AGENCY, Agency.EDUCATION, null,
                "sub-7f3a", identity, AgeBand.AGE_16_17, List.of(ConcernCategory.FAR_RIGHT), summary);
    }

    private static ReferralEscalatedToSecurity escalated(UUID caseId, SecurityDestination to, long seconds) {
        return new ReferralEscalatedToSecurity(caseId, "dk-fyn", T0.plusSeconds(seconds), REFERRAL, "screener-ole",
                to, "a security matter");
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
