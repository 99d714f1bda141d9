package org.pve.caseplatform.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the stores held when read, limited to the cases asked about: every producing service's stored events, the
 * ledger, the cohort read model and the other downstream read models.
 */
record Holdings(List<StoredEvent> stored, List<LedgerRecord> ledger, List<CohortFact> cohort,
                ReadModels readModels) {

    Holdings limitedTo(Set<String> caseIds) {
        if (caseIds == null) {
            return this;
        }
        Predicate<String> inScope = caseIds::contains;
        return new Holdings(stored.stream().filter(event -> inScope.test(event.caseId())).toList(),
                ledger.stream().filter(entry -> inScope.test(entry.caseId())).toList(),
                cohort.stream().filter(fact -> inScope.test(fact.caseId())).toList(), readModels.limitedTo(caseIds));
    }

    Set<String> caseIds() {
        Set<String> cases = new TreeSet<>();
        stored.stream().map(StoredEvent::caseId).filter(id -> id != null).forEach(cases::add);
        ledger.stream().map(LedgerRecord::caseId).filter(id -> id != null).forEach(cases::add);
        return cases;
    }

    /** The stored events by messageId; the first stored where an event is stored twice. */
    Map<String, StoredEvent> storedByMessageId() {
        Map<String, StoredEvent> byId = new HashMap<>();
        stored.forEach(event -> byId.putIfAbsent(event.messageId(), event));
        return byId;
    }

    /** The stored events of one case, one service and one type. */
    Map<String, List<StoredEvent>> byCase(String service, String eventType) {
        Map<String, List<StoredEvent>> byCase = new HashMap<>();
        stored.stream().filter(event -> service.equals(event.service()) && eventType.equals(event.eventType()))
                .forEach(event -> byCase.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event));
        return byCase;
    }

    static <T> Map<String, T> index(Collection<T> items, Function<T, String> key) {
        Map<String, T> byKey = new HashMap<>();
        items.forEach(item -> byKey.putIfAbsent(key.apply(item), item));
        return byKey;
    }
}
