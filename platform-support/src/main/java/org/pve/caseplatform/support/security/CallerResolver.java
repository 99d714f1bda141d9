package org.pve.caseplatform.support.security;

import java.util.Arrays;
import java.util.Locale;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller parameter from the headers {@code X-Caller-Id}, {@code X-Caller-Role} and
 * {@code X-Caller-Agency}; without them the caller is an anonymous member of the public. Interim: issue 4 replaces
 * it with the claims of a verified token.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    public static final String ID = "X-Caller-Id";
    public static final String ROLE = "X-Caller-Role";
    public static final String AGENCY = "X-Caller-Agency";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String id = request.getHeader(ID);
        String role = request.getHeader(ROLE);
        String agency = request.getHeader(AGENCY);
        if (id == null && role == null && agency == null) {
            return Caller.anonymous();
        }
        if (id == null || id.isBlank()) {
            throw new InvalidRequest(ID, "is required when a role or agency is given");
        }
        return new Caller(id, parse(Role.class, ROLE, role), parse(Agency.class, AGENCY, agency));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String header, String value) {
        if (value == null) {
            throw new InvalidRequest(header, "is required when a caller id is given");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(header, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
