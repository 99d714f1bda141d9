package org.pve.caseplatform.support.security;

import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.pve.caseplatform.support.kafka.MessagingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a request carries an RS256 access token from the platform's issuer,
 * for the platform's audience, unexpired, naming a caller (role, agency, districts). Without a token only health,
 * metrics, the operator dashboard (/ops/**: audit-service's page of the same aggregate figures as the metrics, no
 * case and no person), the API description and a public referral get through; the policy then decides per
 * operation. The parked cases under /ops/parked name cases, so they need a token like any other endpoint.
 */
@AutoConfiguration(after = MessagingConfiguration.class)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    @Bean
    public JwtDecoder jwtDecoder(SecuritySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                new AudienceValidator(settings.audience()),
                new CallerClaims()));
        return decoder;
    }

    @Bean
    public SecurityFilterChain platformSecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ops/parked", "/ops/parked/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/ops/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/referrals").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    @Bean
    public AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    public AccessLog accessLog(Producer<String, String> eventProducer) {
        return new AccessLog(eventProducer, Clock.systemUTC());
    }

    @Bean
    public CaseReads caseReads(AccessPolicy policy, AccessLog accessLog) {
        return new CaseReads(policy, accessLog);
    }
}
