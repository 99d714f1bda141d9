package org.pve.caseplatform.support.security;

import java.util.Objects;
import java.util.Set;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.web.InvalidRequest;

/**
 * Who is making a request, from the claims of a verified access token: an id, a role, the agency they work for, the
 * districts they work in ({@value #ALL_DISTRICTS} for platform-wide roles) and, for a provider, the provider they
 * act for. A request without a token is an anonymous member of the public, where an endpoint allows that at all.
 */
public record Caller(String id, Role role, Agency agency, Set<String> districts, String providerId) {

    public static final String ALL_DISTRICTS = "*";

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
        districts = Set.copyOf(districts);
    }

    public static Caller anonymous() {
        return new Caller("anonymous", Role.REFERRER, Agency.PUBLIC, Set.of(), null);
    }

    public boolean isAnonymous() {
        return this.equals(anonymous());
    }

    public boolean isPolice() {
        return agency == Agency.POLICE;
    }

    public boolean isPublic() {
        return agency == Agency.PUBLIC || agency == Agency.SELF;
    }

    /** Whether the caller works in the district: one of theirs, or every district for a platform-wide role. */
    public boolean worksIn(String districtId) {
        return districts.contains(ALL_DISTRICTS) || districts.contains(districtId);
    }

    public boolean worksInEveryDistrict() {
        return districts.contains(ALL_DISTRICTS);
    }

    /**
     * The caller's id as the actor of a command. Request bodies may still name the actor (screenedBy, proposedBy,
     * ...) as they did before tokens; such a name must be the caller's own, so nobody acts in another's name.
     */
    public String actingAs(String field, String named) {
        if (named != null && !named.isBlank() && !named.equals(id)) {
            throw new InvalidRequest(field, "must be the authenticated caller (" + id + ") or left out");
        }
        return id;
    }
}
