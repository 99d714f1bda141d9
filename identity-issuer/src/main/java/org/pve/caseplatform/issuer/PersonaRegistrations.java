package org.pve.caseplatform.issuer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Every persona is a confidential client (client credentials, for integrating systems and scripts) and a user (the
 * browser login of the web client {@value #WEB_CLIENT}); both use the demo secret, kept only as a hash.
 */
@Configuration(proxyBeanMethods = false)
class PersonaRegistrations {

    static final String WEB_CLIENT = "case-platform-web";
    static final List<String> WEB_REDIRECT_URIS =
            List.of("http://localhost:8080/callback", "http://127.0.0.1:8080/callback");

    private static final Logger log = LoggerFactory.getLogger(PersonaRegistrations.class);

    @Bean
    Personas personas(IssuerProperties properties, ResourceLoader resources) {
        Resource resource = resources.getResource(properties.personas());
        try (InputStreamReader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            Personas personas = Personas.parse(properties.personas(), reader);
            log.info("Loaded {} personas from {}", personas.all().size(), properties.personas());
            return personas;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read personas " + properties.personas(), e);
        }
    }

    /** The platform-wide default: bcrypt, with the algorithm named in the stored hash. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** One salted hash per persona, shared by its client and its user; the plain secret is not kept. */
    @Bean
    SecretHashes secretHashes(Personas personas, IssuerProperties properties, PasswordEncoder encoder) {
        String secret = properties.requiredDemoSecret();
        // bcrypt is slow on purpose: hash on every core to keep the start-up short
        return new SecretHashes(personas.all().parallelStream()
                .collect(Collectors.toUnmodifiableMap(Persona::id, persona -> encoder.encode(secret))));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(Personas personas, SecretHashes secrets,
            IssuerProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        personas.all().forEach(persona -> clients.add(RegisteredClient.withId(persona.id())
                .clientId(persona.id())
                .clientSecret(secrets.of(persona))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .build()));
        clients.add(webClient(tokens));
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    UserDetailsService users(Personas personas, SecretHashes secrets) {
        return new InMemoryUserDetailsManager(personas.all().stream()
                .map(persona -> User.withUsername(persona.id())
                        .password(secrets.of(persona))
                        .roles(persona.role())
                        .build())
                .toArray(UserDetails[]::new));
    }

    /** The practitioners' front end: a public client, so PKCE is required and no secret exists. */
    private static RegisteredClient webClient(TokenSettings tokens) {
        return RegisteredClient.withId(WEB_CLIENT)
                .clientId(WEB_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(WEB_REDIRECT_URIS))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }

    /** The encoded demo secret of each persona, by persona id. */
    record SecretHashes(Map<String, String> byPersona) {

        String of(Persona persona) {
            return byPersona.get(persona.id());
        }
    }
}
