package org.pve.caseplatform.referral.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.pve.caseplatform.contract.ErasureReason;
import org.pve.caseplatform.referral.command.RetentionSchedule.Due;
import org.pve.caseplatform.referral.inbound.DeadLetterKeys;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.query.CaseIndex.Status;
import org.pve.caseplatform.referral.query.IndexedReferral;
import org.pve.caseplatform.referral.query.ReferralIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data whose retention period ran out, on the service's clock. The key is the person's, so it is
 * destroyed only when every case of theirs is due: a person with a case due later postpones the others to that date,
 * one with a case still open (this one included: a referral closed while another on its case went on) postpones them
 * by {@code recheckAfter}; a case handed back from security lost its date when it came back. The same poll destroys dead letters' own keys older than their retention.
 */
public class RetentionPoller {

    /** Who the erasures of the schedule are recorded as erased by. */
    public static final String ERASED_BY = "retention-schedule";

    private static final Logger log = LoggerFactory.getLogger(RetentionPoller.class);
    private static final int BATCH = 100;

    private final RetentionSchedule schedule;
    private final CaseIndex cases;
    private final ReferralIndex referrals;
    private final SubjectErasure erasure;
    private final DeadLetterKeys deadLetterKeys;
    private final Clock clock;
    private final Settings settings;

    /** How often to poll, how long to wait for a person's open case, how long dead letters' keys live. */
    public record Settings(Duration recheckAfter, Duration deadLetterRetention) {
    }

    public RetentionPoller(RetentionSchedule schedule, CaseIndex cases, ReferralIndex referrals,
                           SubjectErasure erasure, DeadLetterKeys deadLetterKeys, Clock clock, Settings settings) {
        this.schedule = schedule;
        this.cases = cases;
        this.referrals = referrals;
        this.erasure = erasure;
        this.deadLetterKeys = deadLetterKeys;
        this.clock = clock;
        this.settings = settings;
    }

    /** Handles what is due now; answers how many cases were erased. One that fails stays due for the next poll. */
    public int fireDue() {
        int erased = 0;
        Instant now = clock.instant();
        for (Due due : schedule.due(now, BATCH)) {
            try {
                erased += handle(due, now);
            } catch (RuntimeException e) {
                log.warn("retention of case {} not handled, retrying at the next poll: {}", due.caseId(),
                        e.toString());
            }
        }
        return erased;
    }

    /** Destroys the keys of dead letters older than their retention; answers how many. */
    /** One poll: erase what retention makes due, and destroy dead-letter keys past the dead letters' retention. */
    public void applyDue() {
        fireDue();
        expireDeadLetterKeys();
    }

    public int expireDeadLetterKeys() {
        return deadLetterKeys.destroyOlderThan(clock.instant().minus(settings.deadLetterRetention()));
    }

    private int handle(Due due, Instant now) {
        if (cases.find(due.caseId()).map(indexed -> indexed.status() == Status.OPEN).orElse(false)) {
            schedule.postpone(due.caseId(), now.plus(settings.recheckAfter()));
            return 0;
        }
        List<IndexedReferral> onCase = referrals.onCase(due.caseId());
        Set<String> subjects = new HashSet<>();
        Set<UUID> personsCases = new HashSet<>(Set.of(due.caseId()));
        onCase.stream().map(IndexedReferral::subjectRef).filter(Objects::nonNull).forEach(subjectRef -> {
            subjects.add(subjectRef);
            referrals.withSubjectRef(subjectRef).stream().map(IndexedReferral::caseId).filter(Objects::nonNull)
                    .forEach(personsCases::add);
        });
        Map<UUID, Due> dues = schedule.find(personsCases);
        if (!dues.keySet().containsAll(personsCases)) {
            schedule.postpone(due.caseId(), now.plus(settings.recheckAfter()));
            return 0;
        }
        Instant latest = dues.values().stream().map(Due::dueAt).max(Instant::compareTo).orElse(now);
        if (latest.isAfter(now)) {
            personsCases.forEach(caseId -> schedule.postpone(caseId, latest));
            return 0;
        }
        for (String subjectRef : subjects) {
            erasure.erase(subjectRef, referrals.withSubjectRef(subjectRef), ErasureReason.RETENTION_EXPIRED,
                    ERASED_BY);
        }
        List<IndexedReferral> unidentified = onCase.stream().filter(referral -> referral.subjectRef() == null)
                .toList();
        if (!unidentified.isEmpty()) {
            erasure.erase(null, unidentified, ErasureReason.RETENTION_EXPIRED, ERASED_BY);
        }
        personsCases.forEach(schedule::cancel);
        log.info("retention expired: personal data of {} case(s) erased", personsCases.size());
        return personsCases.size();
    }

}
