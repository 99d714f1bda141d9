package org.pve.caseplatform.referral.web;

import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.security.Role;

/** The commands only the police may send: the security screen and handing a sealed case back (403 otherwise). */
final class PoliceOnly {

    private PoliceOnly() {
    }

    static void requireScreener(Caller caller) {
        if (!caller.isPolice() || caller.role() != Role.POLICE_SCREENER) {
            throw new Forbidden("only a police screener may screen a referral");
        }
    }

    static void requireSecuritySide(Caller caller) {
        if (!caller.isPolice()) {
            throw new Forbidden("only the police may hand a case back from security");
        }
    }
}
