package org.pve.caseplatform.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.CaseHistory;
import org.pve.caseplatform.audit.api.RecordedEvent;

class CsvTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");

    @Test
    void aValueWithACommaQuoteOrLineBreakIsQuoted() {
        assertThat(Csv.of(List.of("a", "b"), List.of(Arrays.asList("x,y", "say \"hi\"\nthen")))).isEqualTo(
                "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nthen\"\r\n");
    }

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void anExportedHistoryCarriesPseudonymsButNoEncryptedValue() {
        Document data = Document.parse("{\"subjectRef\":\"sub-7f3a\",\"subjectIdentity\":{\"keyRef\":\"sub-7f3a\","
                + "\"alg\":\"AES-GCM\",\"iv\":\"aXY=\",\"ciphertext\":\"c2VjcmV0\"},\"concerns\":[\"FAR_RIGHT\"],"
                + "\"family\":[{\"note\":{\"keyRef\":\"k\",\"erased\":true}}]}");
        RecordedEvent received = new RecordedEvent("msg-1", "ReferralReceived", 1, "referral-service",
                Instant.parse("2031-03-04T09:00:00Z"), null, "referral-events", 0, 3, data);
        StagedCaseHistory history = StagedCaseHistory.of(
                new CaseHistory(CASE, null, List.of(received)));

        String csv = CaseHistoryExport.csv(history);

        assertThat(csv).startsWith("caseId,occurredAt,eventType,eventRevision,service,actor,topic,partition,offset,"
                + "messageId,data\r\n");
        assertThat(csv).contains(CASE + ",2031-03-04T09:00:00Z,ReferralReceived,1,referral-service,,"
                + "referral-events,0,3,msg-1,");
        assertThat(csv).contains("sub-7f3a", "[encrypted]", "FAR_RIGHT").doesNotContain("c2VjcmV0", "aXY=");
        assertThat(Csv.redacted(Map.of("plain", "value"))).isEqualTo("{\"plain\": \"value\"}");
    }
}
