package org.pve.caseplatform.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pve.caseplatform.contract.Agency;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims that make a token a caller of this platform: sub, a known role and agency, the districts the caller
 * works in, and for a provider the provider it acts for. A token without them is refused (401) like a forged one.
 */
public class CallerClaims implements OAuth2TokenValidator<Jwt> {

    public static final String ROLE = "role";
    public static final String AGENCY = "agency";
    public static final String DISTRICTS = "districts";
    public static final String PROVIDER = "provider";

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> problems = new ArrayList<>();
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            problems.add("sub is missing");
        }
        Role role = known(Role.class, jwt.getClaimAsString(ROLE), ROLE, problems);
        known(Agency.class, jwt.getClaimAsString(AGENCY), AGENCY, problems);
        Object districts = jwt.getClaim(DISTRICTS);
        if (districts == null || districts instanceof Collection<?> list && list.isEmpty()) {
            problems.add("districts is missing");
        }
        if (role == Role.PROVIDER && jwt.getClaimAsString(PROVIDER) == null) {
            problems.add("provider is missing for a provider");
        }
        if (problems.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "the token does not name a caller of this platform: " + String.join(", ", problems), null));
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value, String claim, List<String> problems) {
        if (value == null) {
            problems.add(claim + " is missing");
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(claim + " is not a known " + claim);
            return null;
        }
    }
}
