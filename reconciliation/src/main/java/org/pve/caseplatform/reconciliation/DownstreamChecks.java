package org.pve.caseplatform.reconciliation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the downstream services hold against the upstream events that cause it: every {@link Reaction} (an aggregate
 * opened) and every {@link Copy} (a value kept in a read model). Downstream data is read before the upstream stores,
 * so whatever was read downstream has its cause stored by the time the upstream store is read.
 */
final class DownstreamChecks {

    private DownstreamChecks() {
    }

    static void run(Holdings holdings, Findings findings) {
        Reaction.ALL.forEach(reaction -> reaction(reaction, holdings, findings));
        Copy.ALL.forEach(copy -> copy(copy, holdings, findings));
    }

    private static void reaction(Reaction reaction, Holdings holdings, Findings findings) {
        Map<String, List<StoredEvent>> causes = holdings.byCase(reaction.causeService(), reaction.causeType());
        Map<String, List<StoredEvent>> effects = holdings.byCase(reaction.effectService(), reaction.effectType());
        causes.forEach((caseId, caused) -> {
            if (!effects.containsKey(caseId)) {
                // an unpublished cause is the outbox's difference, not the consumer's
                first(caused.stream().filter(StoredEvent::published).toList()).ifPresent(cause ->
                        findings.unlessRecent(cause.settlesFrom(), Kind.MISSING_DOWNSTREAM, reaction.effectService(),
                                cause, "no " + reaction.effectType() + " stored (consumer " + reaction.consumer()
                                        + ")"));
            }
        });
        effects.forEach((caseId, effected) -> {
            if (!causes.containsKey(caseId)) {
                findings.difference(Kind.DOWNSTREAM_WITHOUT_CAUSE, reaction.effectService(), effected.get(0),
                        "no " + reaction.causeType() + " stored by " + reaction.causeService());
            }
        });
    }

    private static void copy(Copy copy, Holdings holdings, Findings findings) {
        Map<String, List<StoredEvent>> causes = holdings.byCase(copy.causeService(), copy.causeType());
        Map<String, String> kept = copy.values().apply(holdings.readModels());
        causes.forEach((caseId, caused) -> {
            List<StoredEvent> naming = caused.stream().filter(StoredEvent::published)
                    .filter(event -> copy.valueOf(event) != null).toList();
            first(naming).ifPresent(cause -> {
                String value = kept.get(caseId);
                Set<String> named = naming.stream().map(copy::valueOf).collect(Collectors.toSet());
                if (!kept.containsKey(caseId)) {
                    findings.unlessRecent(cause.settlesFrom(), Kind.MISSING_DOWNSTREAM, copy.service(), cause,
                            "no " + copy.field() + " in " + copy.readModel() + " (consumer " + copy.consumer() + ")");
                } else if (!named.contains(value) && !(value != null && value.equals(copy.anyValue()))) {
                    findings.difference(Kind.READ_MODEL_DISAGREES, copy.service(), cause, copy.readModel()
                            + " holds " + copy.field() + " " + value + ", the events name " + named);
                }
            });
        });
        kept.keySet().stream().filter(caseId -> !causes.containsKey(caseId)).sorted().forEach(caseId ->
                findings.difference(Kind.DOWNSTREAM_WITHOUT_CAUSE, caseId, null, copy.service(), null, null,
                        copy.readModel() + " holds the case without a stored " + copy.causeType()));
    }

    private static Optional<StoredEvent> first(List<StoredEvent> events) {
        return events.stream().min(Comparator.comparing(StoredEvent::settlesFrom));
    }
}
