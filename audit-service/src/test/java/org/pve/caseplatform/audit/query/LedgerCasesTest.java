package org.pve.caseplatform.audit.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.ledger.LedgerCases;
import org.pve.caseplatform.contract.Topics;

/** The case histories read their entries through the per-case index, not by scanning the ledger. */
class LedgerCasesTest {

    private static final Instant T0 = Instant.parse("2031-03-04T09:00:00Z");

    @Test
    void aLedgerWrittenBeforeTheIndexExistedIsIndexedOnceWhenOpened() {
        MongoDatabase database = Deliveries.freshDatabase();
        database.getCollection(Ledger.COLLECTION).insertMany(List.of(
                entry("msg-a1", "case-a", T0).toDocument(), entry("msg-b1", "case-b", T0).toDocument(),
                entry("msg-a2", "case-a", T0.plusSeconds(60)).toDocument()));

        Ledger ledger = new Ledger(database);

        assertThat(ledger.entriesOf("case-a", null)).extracting(LedgerEntry::messageId)
                .containsExactlyInAnyOrder("msg-a1", "msg-a2");
        assertThat(ledger.entriesOf("case-a", T0)).extracting(LedgerEntry::messageId).containsExactly("msg-a1");
        assertThat(ledger.entriesOf("case-b", null)).extracting(LedgerEntry::messageId).containsExactly("msg-b1");
        assertThat(ledger.entriesOf("case-c", null)).isEmpty();
    }

    @Test
    void aPointerLeftByACrashOrNamingAnotherCaseAddsNothing() {
        MongoDatabase database = Deliveries.freshDatabase();
        Ledger ledger = new Ledger(database);
        LedgerCases cases = new LedgerCases(database);
        cases.note("case-a", "msg-never-written");
        assertThat(ledger.append(entry("msg-b1", "case-b", T0))).isTrue();
        cases.note("case-a", "msg-b1");

        assertThat(ledger.entriesOf("case-a", null)).isEmpty();
        assertThat(ledger.entriesOf("case-b", null)).extracting(LedgerEntry::messageId).containsExactly("msg-b1");
    }

    @Test
    void appendingTheSameEntryTwiceListsItOnce() {
        MongoDatabase database = Deliveries.freshDatabase();
        Ledger ledger = new Ledger(database);

        assertThat(ledger.append(entry("msg-a1", "case-a", T0))).isTrue();
        assertThat(ledger.append(entry("msg-a1", "case-a", T0))).isFalse();

        assertThat(ledger.entriesOf("case-a", null)).hasSize(1);
        assertThat(database.getCollection(LedgerCases.COLLECTION).find(new Document("_id", "case-a")).first()
                .getList("messageIds", String.class)).containsExactly("msg-a1");
    }

    private static LedgerEntry entry(String messageId, String caseId, Instant occurredAt) {
        return new LedgerEntry(messageId, caseId, "dk-fyn", "ReferralReceived", 1, "referral-service",
                Topics.REFERRAL_EVENTS, 0, 1, occurredAt, occurredAt, null, null, new Document("caseId", caseId));
    }
}
