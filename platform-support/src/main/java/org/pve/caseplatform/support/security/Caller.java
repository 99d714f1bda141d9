package org.pve.caseplatform.support.security;

import org.pve.caseplatform.contract.Agency;

/**
 * Who is making a request: an id, a role and the agency they work for. Until authentication lands (issue 4) it
 * comes from request headers that anyone can set, so nothing that depends on it is a security boundary yet; the
 * rules that use it (sealing, what a public referrer learns) are written against this type so that the token-based
 * identity replaces only {@link CallerResolver}.
 */
public record Caller(String id, Role role, Agency agency) {

    public static Caller anonymous() {
        return new Caller("anonymous", Role.REFERRER, Agency.PUBLIC);
    }

    public boolean isPolice() {
        return agency == Agency.POLICE;
    }

    public boolean isPublic() {
        return agency == Agency.PUBLIC || agency == Agency.SELF;
    }
}
