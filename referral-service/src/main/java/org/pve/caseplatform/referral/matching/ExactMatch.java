package org.pve.caseplatform.referral.matching;

import java.util.UUID;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.support.crypto.Pseudonymiser;

/**
 * Decides at intake which case a referral goes on: the open case of the same person in the same district when the
 * subject is known with a date of birth and the names agree as written, otherwise a case of its own. Anything less
 * certain is only proposed to the screener.
 */
public class ExactMatch {

    private final Pseudonymiser pseudonymiser;
    private final BlindKeys keys;
    private final OpenCaseClaims claims;

    public ExactMatch(Pseudonymiser pseudonymiser, BlindKeys keys, OpenCaseClaims claims) {
        this.pseudonymiser = pseudonymiser;
        this.keys = keys;
        this.claims = claims;
    }

    /** The case the referral joins, or {@code ownCaseId} (now holding the person's claim, if one can be held). */
    public UUID caseFor(NewReferral referral, UUID ownCaseId) {
        NewReferral.Subject subject = referral.subject();
        if (subject == null || subject.dateOfBirth() == null) {
            return ownCaseId;
        }
        String subjectRef = pseudonymiser.subjectRef(subject.givenNames(), subject.familyName(),
                subject.dateOfBirth());
        NameKeys nameKeys = keys.of(subject.givenNames(), subject.familyName(), subject.dateOfBirth());
        return claims.claim(nameKeys.claimIn(referral.districtId(), subjectRef), ownCaseId);
    }

    /** Gives up what {@link #caseFor} claimed for a case whose referral could not be recorded. */
    public void abandon(UUID ownCaseId) {
        claims.release(ownCaseId);
    }
}
