package org.pve.caseplatform.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.pve.caseplatform.contract.Agency;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the verified access token of the request (its claims were
 * checked by {@link CallerClaims} when the token was decoded); without a token, the anonymous public.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The caller of the current request. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromToken(token.getToken());
        }
        return Caller.anonymous();
    }

    static Caller fromToken(Jwt jwt) {
        return new Caller(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(CallerClaims.ROLE)),
                Agency.valueOf(jwt.getClaimAsString(CallerClaims.AGENCY)), districts(jwt),
                jwt.getClaimAsString(CallerClaims.PROVIDER));
    }

    private static Set<String> districts(Jwt jwt) {
        Object claim = jwt.getClaim(CallerClaims.DISTRICTS);
        if (claim instanceof Collection<?> values) {
            return Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        return claim == null ? Set.of() : Set.copyOf(List.of(claim.toString().split("[ ,;]+")));
    }
}
