package org.pve.caseplatform.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the persona's platform claims into its tokens. Access tokens (client credentials and browser flow alike) get
 * role, agency, districts, provider, name and the audience {@value #AUDIENCE}; ID tokens keep the web client as
 * audience and get the name; userinfo answers the platform claims.
 */
@Component
class PersonaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "case-platform";

    private final Personas personas;

    PersonaClaims(Personas personas) {
        this.personas = personas;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            Persona persona = persona(context.getPrincipal().getName());
            context.getClaims()
                    .claims(claims -> claims.putAll(persona.claims()))
                    .audience(List.of(AUDIENCE));
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claim("name", persona(context.getPrincipal().getName()).name());
        }
    }

    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        Persona persona = persona(context.getAuthorization().getPrincipalName());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(JwtClaimNames.SUB, persona.id());
        claims.putAll(persona.claims());
        return new OidcUserInfo(claims);
    }

    /** A token is only ever issued for a known persona: without its claims no service could place the caller. */
    private Persona persona(String id) {
        return personas.find(id).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.SERVER_ERROR, "No persona for the authenticated principal", null)));
    }
}
