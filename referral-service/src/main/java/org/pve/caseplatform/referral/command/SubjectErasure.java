package org.pve.caseplatform.referral.command;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.ErasureReason;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.referral.api.ErasePersonalData;
import org.pve.caseplatform.referral.api.ErasureReport;
import org.pve.caseplatform.referral.inbound.InboundPurge;
import org.pve.caseplatform.referral.matching.OpenCaseClaims;
import org.pve.caseplatform.referral.query.IndexedReferral;
import org.pve.caseplatform.referral.query.ReferralIndex;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crypto-shreds a person: destroys their key (one per subject, so every copy of their fields in every store, topic
 * and replay becomes unreadable), records PersonalDataErased once per case through a referral on it, removes what
 * the read models derived from their identity, and deletes the consumed plaintext records of the inbound topic.
 */
public class SubjectErasure {

    private static final Logger log = LoggerFactory.getLogger(SubjectErasure.class);

    private final ReferralIndex referrals;
    private final PersonalDataVault vault;
    private final CommandGateway commands;
    private final OpenCaseClaims claims;
    private final InboundPurge inbound;
    private final Clock clock;

    public SubjectErasure(ReferralIndex referrals, PersonalDataVault vault, CommandGateway commands,
                          OpenCaseClaims claims, InboundPurge inbound, Clock clock) {
        this.referrals = referrals;
        this.vault = vault;
        this.commands = commands;
        this.claims = claims;
        this.inbound = inbound;
        this.clock = clock;
    }

    /**
     * Erases the person at their request. {@code visible} says which districts the requester works in: a person
     * with no referral there is unknown (404); the key is the person's, so their cases elsewhere are erased too, but
     * the report names only the visible ones.
     */
    public ErasureReport eraseOnRequest(String subjectRef, Predicate<String> visible, String erasedBy) {
        List<IndexedReferral> about = referrals.withSubjectRef(subjectRef);
        if (about.stream().noneMatch(referral -> visible.test(referral.districtId()))) {
            throw new UnknownRecord(subjectRef);
        }
        int destroyed = erase(subjectRef, about, ErasureReason.ERASURE_REQUEST, erasedBy);
        inbound.purgeConsumed();
        List<UUID> cases = about.stream().filter(referral -> visible.test(referral.districtId()))
                .map(IndexedReferral::caseId).distinct().toList();
        log.info("personal data erased on request: {} case(s), {} key(s) destroyed", cases.size(), destroyed);
        return new ErasureReport(subjectRef, cases, destroyed);
    }

    /**
     * Destroys the keys of the given referrals (the subject's, or each case's own for an unknown subject) and
     * records the erasure once per case; answers how many keys held material and were destroyed.
     */
    public int erase(String subjectRef, List<IndexedReferral> about, ErasureReason reason, String erasedBy) {
        Map<UUID, IndexedReferral> firstPerCase = new LinkedHashMap<>();
        about.stream().filter(referral -> referral.caseId() != null)
                .sorted(Comparator.comparing(IndexedReferral::receivedAt,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(referral -> firstPerCase.putIfAbsent(referral.caseId(), referral));
        Set<String> keyRefs = new LinkedHashSet<>();
        firstPerCase.forEach((caseId, referral) -> keyRefs.add(PersonalDataKeys.keyRefFor(subjectRef, caseId)));
        int destroyed = 0;
        for (String keyRef : keyRefs) {
            destroyed += vault.destroy(keyRef) ? 1 : 0;
        }
        List<UUID> erasedCases = new ArrayList<>();
        firstPerCase.forEach((caseId, referral) -> {
            commands.sendAndWait(new ErasePersonalData(referral.referralId(),
                    PersonalDataKeys.keyRefFor(subjectRef, caseId), reason, erasedBy));
            claims.release(caseId);
            erasedCases.add(caseId);
        });
        if (subjectRef != null) {
            referrals.forgetIdentity(subjectRef, clock.instant());
        } else {
            about.forEach(referral -> referrals.forgetIdentity(referral.referralId()));
        }
        return destroyed;
    }
}
