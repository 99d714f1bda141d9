package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pve.caseplatform.embedded.FreePorts;
import org.pve.caseplatform.embedded.ServiceProcess;

/**
 * The services with the real issuer refuse every token that is not a current one of that issuer, for this
 * platform, with 401 application/problem+json: none, a tampered signature, alg none, a second issuer's (another key
 * and URL), an expired one, one for another audience or naming another issuer. The expired, wrong-audience and
 * wrong-issuer tokens are signed with the issuer's own key from the data dir, which the same re-signing of an
 * unchanged token shows the services accept: the resource servers allow Spring's default clock skew of 60 s, so a
 * token of the issuer's shortest lifetime would need more than a minute's wait to expire.
 */
@ExtendWith(SharedPlatform.class)
class TokenRejectionIT {

    private static final String CALLER = "e2e.auditor";

    private static SecuredPlatform platform;
    private static ServiceProcess secondIssuer;
    private static String secondIssuerUrl;
    private static Map<String, String> protectedUrls;

    @BeforeAll
    static void startASecondIssuer() throws IOException {
        platform = SharedPlatform.get();
        int port = FreePorts.pick();
        secondIssuerUrl = "http://127.0.0.1:" + port;
        Path dir = Files.createTempDirectory("e2e-second-issuer");
        secondIssuer = ServiceProcess.builder("second-issuer", SecuredPlatform.jar("identity-issuer"), port)
                .args(List.of("--server.port=" + port, "--platform.issuer.url=" + secondIssuerUrl,
                        "--platform.issuer.key-file=" + dir.resolve("signing-key.json"),
                        "--platform.issuer.personas=file:" + SecuredPlatform.personasCsv()))
                .environment(Map.of("PLATFORM_ISSUER_DEMO_SECRET", platform.demoSecret()))
                .logFile(dir.resolve("second-issuer.log"))
                .build();
        secondIssuer.start();
        secondIssuer.waitUntilHealthy(Duration.ofMinutes(2));
        protectedUrls = new LinkedHashMap<>();
        protectedUrls.put("referral-service", platform.referral() + "/referrals/" + UUID.randomUUID());
        protectedUrls.put("assessment-service", platform.assessment() + "/assessments/" + UUID.randomUUID());
        protectedUrls.put("plan-service", platform.plan() + "/plans/" + UUID.randomUUID());
        protectedUrls.put("audit-service", platform.audit() + "/ledger/verification");
    }

    @AfterAll
    static void stopTheSecondIssuer() {
        if (secondIssuer != null) {
            secondIssuer.stop();
        }
    }

    @Test
    void aCurrentTokenOfTheIssuerGetsPastAuthentication() {
        everyServiceAnswers(platform.tokens().token(CALLER), status -> assertThat(status).isNotEqualTo(401));
    }

    @Test
    void noTokenIs401() {
        protectedUrls.forEach((service, url) -> assertUnauthenticated(service, platform.client().get(url,
                "X-Purpose", "AUDIT")));
    }

    @Test
    void aTamperedSignatureIs401() {
        String token = platform.tokens().token(CALLER);
        int signature = token.lastIndexOf('.') + 1;
        char flipped = token.charAt(signature + 5) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, signature + 5) + flipped + token.substring(signature + 6);
        everyServiceRefuses(tampered);
    }

    @Test
    void aTamperedPayloadUnderTheOriginalSignatureIs401() throws ParseException {
        String token = platform.tokens().token(CALLER);
        String[] parts = token.split("\\.");
        Map<String, Object> claims = SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
        claims.put("role", "DATA_PROTECTION_OFFICER");
        String payload = base64Url(JWTClaimsSet.parse(claims).toString());
        everyServiceRefuses(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenWithAlgNoneIs401() {
        String token = platform.tokens().token(CALLER);
        String payload = token.split("\\.")[1];
        everyServiceRefuses(base64Url("{\"alg\":\"none\"}") + "." + payload + ".");
    }

    @Test
    void aTokenOfASecondIssuerWithAnotherKeyAndUrlIs401() {
        IssuerTokens second = new IssuerTokens(() -> secondIssuerUrl, platform::demoSecret);
        String foreign = second.token(CALLER);
        assertThat(foreign).as("the second issuer issued a token").isNotBlank();
        everyServiceRefuses(foreign);
    }

    @Test
    void theIssuersOwnTokenReSignedWithItsKeyIsAcceptedSoTheCraftedOnesBelowAreRefusedForTheirClaimsAlone() {
        String resigned = resign(claims -> claims);
        everyServiceAnswers(resigned, status -> assertThat(status).isNotEqualTo(401));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant now = Instant.now();
        everyServiceRefuses(resign(claims -> new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .build()));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        everyServiceRefuses(resign(claims -> new JWTClaimsSet.Builder(claims).audience("another-platform").build()));
    }

    @Test
    void aTokenNamingAnotherIssuerIs401() {
        everyServiceRefuses(resign(claims -> new JWTClaimsSet.Builder(claims).issuer(secondIssuerUrl).build()));
    }

    @Test
    void aTokenWithoutTheCallerClaimsIs401() {
        everyServiceRefuses(resign(claims -> new JWTClaimsSet.Builder(claims).claim("role", null)
                .claim("districts", null).build()));
    }

    private static void everyServiceRefuses(String token) {
        protectedUrls.forEach((service, url) -> assertUnauthenticated(service, platform.client().get(url,
                "Authorization", "Bearer " + token, "X-Purpose", "AUDIT")));
    }

    private static void everyServiceAnswers(String token, IntConsumer check) {
        protectedUrls.forEach((service, url) -> check.accept(platform.client().get(url,
                "Authorization", "Bearer " + token, "X-Purpose", "AUDIT").status()));
    }

    private static void assertUnauthenticated(String service, PlatformClient.Reply reply) {
        assertThat(reply.status()).as(service + ": " + reply.text()).isEqualTo(401);
        assertThat(reply.contentType()).as(service).startsWith("application/problem+json");
        assertThat(reply.body().path("status").asInt()).as(service).isEqualTo(401);
    }

    /** A real token of the issuer, its claims changed, signed again with the issuer's own key from the data dir. */
    private static String resign(UnaryOperator<JWTClaimsSet> change) {
        try {
            SignedJWT original = SignedJWT.parse(platform.tokens().token(CALLER));
            RSAKey key = signingKey();
            SignedJWT resigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    change.apply(original.getJWTClaimsSet()));
            resigned.sign(new RSASSASigner(key));
            return resigned.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey signingKey() {
        try (Stream<Path> files = Files.walk(platform.dataDir())) {
            Path file = files.filter(f -> f.getFileName().toString().equals("signing-key.json")).findFirst()
                    .orElseThrow(() -> new AssertionError("no signing-key.json in " + platform.dataDir()));
            return RSAKey.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
