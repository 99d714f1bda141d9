package org.pve.caseplatform.referral.query;

import java.util.Set;
import org.pve.caseplatform.referral.api.ReferralView;

/**
 * A referral as its own events tell it, before it is shaped for a caller: the full view, the key its personal fields
 * are encrypted with, who had the identity revealed to them, whether it names a subject at all, and whether the security side
 * handed it back (which its case's index may not know yet).
 */
public record ReferralRecord(ReferralView view, String keyRef, Set<String> revealedTo, boolean identified,
                             boolean handedBack) {

    public ReferralRecord {
        revealedTo = Set.copyOf(revealedTo);
    }

    public boolean erased() {
        return view.personalDataErased();
    }
}
