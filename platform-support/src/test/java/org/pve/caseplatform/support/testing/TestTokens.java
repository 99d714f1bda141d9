package org.pve.caseplatform.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.security.Role;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Access tokens for the tests of one service: an RSA key of the test JVM, its JWK set served over HTTP on a free
 * port (so the services verify tokens exactly as in production, by fetching the issuer's keys), and tokens signed
 * with it for any role, agency and districts. End-to-end tests use the real issuer instead.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.localhost";
    public static final String AUDIENCE = "case-platform";

    private static RSAKey key;
    private static String jwkSetUri;

    private TestTokens() {
    }

    /** Points a Spring Boot test's resource server at the test issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("platform.security.issuer-uri", () -> ISSUER);
        registry.add("platform.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("platform.security.audience", () -> AUDIENCE);
    }

    /** An Authorization header value for a caller working in the given districts ("*" for all). */
    public static String bearer(Role role, Agency agency, String... districts) {
        return "Bearer " + token(role, agency, districts);
    }

    /** An Authorization header value for a provider's staff, acting for {@code providerId}. */
    public static String providerBearer(String providerId, String... districts) {
        return "Bearer " + sign(claims(idOf(Role.PROVIDER, Agency.NGO) + "-" + providerId, Role.PROVIDER,
                Agency.NGO, districts).claim("provider", providerId).build());
    }

    public static String token(Role role, Agency agency, String... districts) {
        return sign(claims(idOf(role, agency), role, agency, districts).build());
    }

    /** A token with its claims adjusted by {@code adjust} (wrong issuer, audience, expiry, missing claims, ...). */
    public static String token(Role role, Agency agency, Consumer<JWTClaimsSet.Builder> adjust, String... districts) {
        JWTClaimsSet.Builder claims = claims(idOf(role, agency), role, agency, districts);
        adjust.accept(claims);
        return sign(claims.build());
    }

    /** The id a token for this role and agency names its caller by. */
    public static String idOf(Role role, Agency agency) {
        return (role.name() + "-" + agency.name()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            start();
        }
        return jwkSetUri;
    }

    private static JWTClaimsSet.Builder claims(String subject, Role role, Agency agency, String... districts) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(List.of(AUDIENCE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("role", role.name())
                .claim("agency", agency.name())
                .claim("districts", List.of(districts));
    }

    private static synchronized String sign(JWTClaimsSet claims) {
        jwkSetUri();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void start() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token, for assertions. */
    public static Map<String, Object> claimsOf(String token) {
        try {
            return SignedJWT.parse(token.replaceFirst("^Bearer ", "")).getJWTClaimsSet().getClaims();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
