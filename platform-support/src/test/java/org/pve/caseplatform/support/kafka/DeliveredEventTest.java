package org.pve.caseplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

class DeliveredEventTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final String CLEARED_JSON = """
            {"caseId":"00000000-0000-0000-0000-0000000000c1","districtId":"dk-fyn",
             "occurredAt":"2031-03-04T09:05:00Z","referralId":"00000000-0000-0000-0000-0000000000a1",
             "subjectRef":"sub-1","screenedBy":"screener-ole","rationale":"no security concern"}""";

    @Test
    void theCatalogueRecordIsReadBackFromItsJson() {
        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, headers("SecurityScreenCleared", "1")));

        Optional<CaseEvent> event = delivered.event();

        assertThat(event).contains(new SecurityScreenCleared(CASE, "dk-fyn", Instant.parse("2031-03-04T09:05:00Z"),
                REFERRAL, "sub-1", "screener-ole", "no security concern"));
    }

    @Test
    void aRecordWithEncryptedFieldsAndListsSurvivesTheWire() throws Exception {
        ReferralReceived received = new ReferralReceived(CASE, "uk-luton", Instant.parse("2031-03-01T08:00:00.123Z"),
                REFERRAL, "luton", Channel.AGENCY, Agency.EDUCATION, "EXT-7", "sub-1",
                EncryptedValue.of("sub-1", "aXY=", "Y2lwaGVy"), AgeBand.AGE_16_17,
                List.of(ConcernCategory.FAR_RIGHT, ConcernCategory.MIXED_OR_UNCLEAR), EncryptedValue.erasedValue());
        String json = EventJson.newMapper().writeValueAsString(received);

        DeliveredEvent delivered = DeliveredEvent.from(record(json, headers("ReferralReceived", "1")));

        assertThat(delivered.event()).contains(received);
        assertThat(json).contains("\"16_17\"").contains("\"erased\":true");
    }

    @Test
    void theHeadersAndThePositionAreExposed() {
        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, headers("SecurityScreenCleared", "1")));

        assertThat(delivered.topic()).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(delivered.partition()).isEqualTo(2);
        assertThat(delivered.offset()).isEqualTo(41L);
        assertThat(delivered.timestamp()).isEqualTo(1_900_000_000_000L);
        assertThat(delivered.key()).isEqualTo(CASE.toString());
        assertThat(delivered.eventType()).isEqualTo("SecurityScreenCleared");
        assertThat(delivered.eventRevision()).isEqualTo(1);
        assertThat(delivered.messageId()).isEqualTo("msg-1");
        assertThat(delivered.caseId()).isEqualTo(CASE.toString());
        assertThat(delivered.districtId()).isEqualTo("dk-fyn");
        assertThat(delivered.correlationId()).isEqualTo("corr-1");
        assertThat(delivered.json()).isEqualTo(CLEARED_JSON);
        assertThat(delivered.position()).isEqualTo(Topics.REFERRAL_EVENTS + "/2@41");
    }

    @Test
    void aLaterRevisionHeaderIsExposed() {
        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, headers("SecurityScreenCleared", "2")));

        assertThat(delivered.eventRevision()).isEqualTo(2);
    }

    @Test
    void theLastOfARepeatedHeaderCounts() {
        RecordHeaders headers = headers("ReferralReceived", "1");
        headers.add(EventHeaders.EVENT_TYPE, bytes("SecurityScreenCleared"));

        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, headers));

        assertThat(delivered.eventType()).isEqualTo("SecurityScreenCleared");
        assertThat(delivered.event()).containsInstanceOf(SecurityScreenCleared.class);
    }

    @Test
    void aMissingRevisionHeaderMeansTheFirstRevision() {
        RecordHeaders headers = headers("SecurityScreenCleared", null);

        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, headers));

        assertThat(delivered.eventRevision()).isEqualTo(1);
        assertThat(delivered.event()).containsInstanceOf(SecurityScreenCleared.class);
    }

    @Test
    void anEventTypeThisBuildDoesNotKnowIsSkipped() {
        DeliveredEvent delivered = DeliveredEvent.from(record("{\"caseId\":\"" + CASE + "\"}",
                headers("ReferralTeleported", "1")));

        assertThat(delivered.eventType()).isEqualTo("ReferralTeleported");
        assertThat(delivered.event()).isEmpty();
    }

    @Test
    void aJavaClassNameIsNotAnEventType() {
        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON,
                headers(SecurityScreenCleared.class.getName(), "1")));

        assertThat(delivered.event()).isEmpty();
    }

    @Test
    void aRecordWithoutHeadersIsSkipped() {
        DeliveredEvent delivered = DeliveredEvent.from(record(CLEARED_JSON, new RecordHeaders()));

        assertThat(delivered.eventType()).isNull();
        assertThat(delivered.messageId()).isNull();
        assertThat(delivered.eventRevision()).isEqualTo(1);
        assertThat(delivered.event()).isEmpty();
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String newer = CLEARED_JSON.replace("}", ",\"screeningDurationMinutes\":12}");

        DeliveredEvent delivered = DeliveredEvent.from(record(newer, headers("SecurityScreenCleared", "1")));

        assertThat(delivered.event()).map(e -> ((SecurityScreenCleared) e).screenedBy()).contains("screener-ole");
    }

    @Test
    void anUnreadableBodyIsAnErrorNamingTheTypeAndPosition() {
        DeliveredEvent delivered = DeliveredEvent.from(record("{not json", headers("SecurityScreenCleared", "1")));

        assertThatThrownBy(delivered::event)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SecurityScreenCleared")
                .hasMessageContaining(Topics.REFERRAL_EVENTS + "/2@41");
    }

    private static ConsumerRecord<String, String> record(String json, RecordHeaders headers) {
        return new ConsumerRecord<>(Topics.REFERRAL_EVENTS, 2, 41L, 1_900_000_000_000L, TimestampType.CREATE_TIME,
                -1, -1, CASE.toString(), json, headers, Optional.empty());
    }

    private static RecordHeaders headers(String eventType, String revision) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, bytes(eventType));
        if (revision != null) {
            headers.add(EventHeaders.EVENT_REVISION, bytes(revision));
        }
        headers.add(EventHeaders.MESSAGE_ID, bytes("msg-1"));
        headers.add(EventHeaders.CASE_ID, bytes(CASE.toString()));
        headers.add(EventHeaders.DISTRICT_ID, bytes("dk-fyn"));
        headers.add(EventHeaders.CORRELATION_ID, bytes("corr-1"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
