package org.pve.caseplatform.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each producing service's store against itself and against the ledger: events stored twice, events the outbox has
 * not published, published events the ledger lacks, ledger entries without a stored source, and entries that
 * disagree with their source.
 */
final class StoreChecks {

    private StoreChecks() {
    }

    static void run(Holdings holdings, Findings findings) {
        duplicates(holdings.stored(), findings);
        unpublished(holdings.stored(), findings);
        storedAgainstLedger(holdings, findings);
        ledgerAgainstStored(holdings, findings);
    }

    private static void duplicates(List<StoredEvent> stored, Findings findings) {
        Map<String, List<StoredEvent>> byMessageId = new HashMap<>();
        Map<String, List<StoredEvent>> bySequence = new HashMap<>();
        for (StoredEvent event : stored) {
            byMessageId.computeIfAbsent(event.messageId(), k -> new ArrayList<>()).add(event);
            bySequence.computeIfAbsent(event.service() + "/" + event.aggregateId() + "@" + event.sequence(),
                    k -> new ArrayList<>()).add(event);
        }
        byMessageId.values().stream().filter(copies -> copies.size() > 1).forEach(copies ->
                findings.difference(Kind.DUPLICATE_EVENT, copies.get(1).service(), copies.get(0),
                        "stored " + copies.size() + " times (in " + services(copies) + ")"));
        bySequence.values().stream().filter(copies -> copies.size() > 1)
                .filter(copies -> copies.stream().map(StoredEvent::messageId).distinct().count() > 1)
                .forEach(copies -> findings.difference(Kind.DUPLICATE_EVENT, copies.get(0).service(),
                        copies.get(1), "sequence " + copies.get(0).sequence() + " of aggregate "
                                + copies.get(0).aggregateId() + " is stored " + copies.size() + " times"));
    }

    private static void unpublished(List<StoredEvent> stored, Findings findings) {
        stored.stream().filter(event -> !event.published()).forEach(event -> findings.unlessRecent(event.storedAt(),
                Kind.OUTBOX_STUCK, event.service(), event, "stored at " + event.storedAt() + ", not published"));
    }

    private static void storedAgainstLedger(Holdings holdings, Findings findings) {
        Map<String, LedgerRecord> ledger = Holdings.index(holdings.ledger(), LedgerRecord::messageId);
        for (StoredEvent event : holdings.storedByMessageId().values()) {
            LedgerRecord entry = ledger.get(event.messageId());
            if (entry == null) {
                if (event.published()) {
                    findings.unlessRecent(event.publishedAt(), Kind.MISSING_FROM_LEDGER, event.service(), event,
                            "published at " + event.publishedAt() + ", not in the ledger");
                }
            } else {
                String disagreement = disagreement(event, entry);
                if (disagreement != null) {
                    findings.difference(Kind.LEDGER_DISAGREES, event.service(), event, disagreement);
                }
            }
        }
    }

    /** The ledger is read before the stores, so an entry's source is always stored by the time its store is read. */
    private static void ledgerAgainstStored(Holdings holdings, Findings findings) {
        Map<String, StoredEvent> stored = holdings.storedByMessageId();
        holdings.ledger().stream().filter(entry -> !stored.containsKey(entry.messageId())).forEach(entry ->
                findings.difference(Kind.LEDGER_WITHOUT_SOURCE, entry.caseId(), entry.districtId(),
                        entry.service(), entry.messageId(), entry.eventType(),
                        "no producing service stored it (ledger topic " + entry.topic() + ")"));
    }

    private static String disagreement(StoredEvent event, LedgerRecord entry) {
        List<String> fields = new ArrayList<>();
        compare(fields, "type", event.eventType(), entry.eventType());
        compare(fields, "case", event.caseId(), entry.caseId());
        compare(fields, "district", event.districtId(), entry.districtId());
        compare(fields, "producer", event.service(), entry.service());
        return fields.isEmpty() ? null : String.join("; ", fields);
    }

    private static void compare(List<String> fields, String field, String stored, String ledger) {
        if (!Objects.equals(stored, ledger)) {
            fields.add(field + " stored " + stored + ", ledger " + ledger);
        }
    }

    private static String services(List<StoredEvent> copies) {
        return String.join(", ", copies.stream().map(StoredEvent::service).distinct().toList());
    }
}
