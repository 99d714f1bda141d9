package org.pve.caseplatform.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as application/problem+json, with the WWW-Authenticate header a bearer-token client expects. The reason
 * names the Authorization header; it does not say which check failed beyond what the header already tells.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        bearer.commence(request, response, exception);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String reason = request.getHeader("Authorization") == null
                ? "a bearer access token from the platform's issuer is required"
                : "the bearer token is invalid, expired, or not issued for this platform";
        response.getWriter().write("{\"type\":\"/problems/unauthenticated\",\"title\":\"Not authenticated\","
                + "\"status\":401,\"errors\":[{\"field\":\"Authorization\",\"reason\":\"" + reason + "\"}]}");
    }
}
