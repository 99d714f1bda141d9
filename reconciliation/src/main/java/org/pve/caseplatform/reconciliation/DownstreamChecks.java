package org.pve.caseplatform.reconciliation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the downstream services hold against the upstream events that cause it: every {@link Reaction}, and
 * plan-service's age bands (consumer group {@code plan-service.age-bands}, from ReferralReceived). Downstream
 * stores are read before upstream ones, so a downstream record's cause is always stored by the time it is read.
 */
final class DownstreamChecks {

    static final String AGE_BAND_CAUSE = "ReferralReceived";
    private static final String UNKNOWN_BAND = "UNKNOWN";

    private DownstreamChecks() {
    }

    static void run(Holdings holdings, Findings findings) {
        Reaction.ALL.forEach(reaction -> reaction(reaction, holdings, findings));
        ageBands(holdings, findings);
    }

    private static void reaction(Reaction reaction, Holdings holdings, Findings findings) {
        Map<String, List<StoredEvent>> causes = holdings.byCase(reaction.causeService(), reaction.causeType());
        Map<String, List<StoredEvent>> effects = holdings.byCase(reaction.effectService(), reaction.effectType());
        causes.forEach((caseId, caused) -> {
            if (!effects.containsKey(caseId)) {
                // an unpublished cause is the outbox's difference, not the consumer's
                caused.stream().filter(StoredEvent::published).min(Comparator.comparing(StoredEvent::settlesFrom))
                        .ifPresent(first -> findings.unlessRecent(first.settlesFrom(), Kind.MISSING_DOWNSTREAM,
                                reaction.effectService(), first, "no " + reaction.effectType() + " stored (consumer "
                                        + reaction.consumer() + ")"));
            }
        });
        effects.forEach((caseId, effected) -> {
            if (!causes.containsKey(caseId)) {
                findings.difference(Kind.DOWNSTREAM_WITHOUT_CAUSE, reaction.effectService(), effected.get(0),
                        "no " + reaction.causeType() + " stored by " + reaction.causeService());
            }
        });
    }

    private static void ageBands(Holdings holdings, Findings findings) {
        Map<String, List<StoredEvent>> referrals = holdings.byCase(ServiceDatabases.REFERRAL_SERVICE, AGE_BAND_CAUSE);
        referrals.forEach((caseId, received) -> {
            List<StoredEvent> banded = received.stream().filter(StoredEvent::published)
                    .filter(event -> event.ageBand() != null).toList();
            if (banded.isEmpty()) {
                return;
            }
            String band = holdings.ageBands().get(caseId);
            StoredEvent first = banded.stream().min(Comparator.comparing(StoredEvent::settlesFrom)).orElseThrow();
            if (band == null) {
                findings.unlessRecent(first.settlesFrom(), Kind.MISSING_DOWNSTREAM, ServiceDatabases.PLAN_SERVICE,
                        first, "no age band recorded (consumer plan-service.age-bands)");
                return;
            }
            Set<String> told = banded.stream().map(StoredEvent::ageBand).collect(Collectors.toSet());
            if (!UNKNOWN_BAND.equals(band) && !told.contains(band)) {
                findings.difference(Kind.READ_MODEL_DISAGREES, ServiceDatabases.PLAN_SERVICE, first,
                        "age band " + band + " recorded, the referrals say " + told);
            }
        });
        holdings.ageBands().keySet().stream().filter(caseId -> !referrals.containsKey(caseId)).sorted()
                .forEach(caseId -> findings.difference(Kind.DOWNSTREAM_WITHOUT_CAUSE, caseId, null,
                        ServiceDatabases.PLAN_SERVICE, null, null,
                        "age band recorded without a stored " + AGE_BAND_CAUSE));
    }
}
