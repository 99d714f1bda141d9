package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A persona as a confidential client: client-credentials tokens with the platform claims, signed with the JWKS key. */
class ClientCredentialsIT extends IssuerItSupport {

    @Test
    void aScreenersTokenCarriesItsClaimsAndAudienceAndVerifiesAgainstTheJwks() {
        IssuerClient client = client();
        HttpResponse<String> response = client.clientCredentials("screener.dk-fyn", DEMO_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = IssuerClient.json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        Jwt jwt = client.verify(body.get("access_token").asText());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getSubject()).isEqualTo("screener.dk-fyn");
        assertThat(jwt.getAudience()).containsExactly("case-platform");
        assertThat(jwt.getIssuer()).hasToString("http://localhost:9000");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("POLICE_SCREENER");
        assertThat(jwt.getClaimAsString("agency")).isEqualTo("POLICE");
        assertThat(jwt.getClaimAsStringList("districts")).containsExactly("dk-fyn");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Ole Brandt");
        assertThat(jwt.hasClaim("provider")).isFalse();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aProvidersTokenNamesItsProviderAndAPlatformWideRoleReachesEveryDistrict() {
        IssuerClient client = client();

        Jwt provider = client.verify(client.accessToken("provider.ngo-mentor-net", DEMO_SECRET));
        Jwt analyst = client.verify(client.accessToken("analyst", DEMO_SECRET));

        assertThat(provider.getClaimAsString("role")).isEqualTo("PROVIDER");
        assertThat(provider.getClaimAsString("provider")).isEqualTo("ngo-mentor-net");
        assertThat(provider.getClaimAsString("agency")).isEqualTo("NGO");
        assertThat(analyst.getClaimAsStringList("districts")).containsExactly("*");
    }

    @Test
    void theSecretMaySitInTheFormInsteadOfTheAuthorizationHeader() {
        HttpResponse<String> response = client().postForm("/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", "system.municipality-0461", "client_secret", DEMO_SECRET));

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt jwt = client().verify(IssuerClient.json(response).get("access_token").asText());
        assertThat(jwt.getSubject()).isEqualTo("system.municipality-0461");
        assertThat(jwt.getClaimAsString("agency")).isEqualTo("SOCIAL_SERVICES");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGets401AndNoToken() {
        HttpResponse<String> wrongSecret = client().clientCredentials("screener.dk-fyn", DEMO_SECRET + "x");
        HttpResponse<String> unknown = client().clientCredentials("screener.nowhere", DEMO_SECRET);

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void theWebClientHasNoSecretToUseForClientCredentials() {
        HttpResponse<String> response = client().clientCredentials(PersonaRegistrations.WEB_CLIENT, DEMO_SECRET);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theJwksPublishesOnlyThePublicHalfOfOneRs256Key() {
        JsonNode keys = IssuerClient.json(client().get("/oauth2/jwks", Map.of())).get("keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).get("alg").asText()).isEqualTo("RS256");
        assertThat(keys.get(0).get("use").asText()).isEqualTo("sig");
        assertThat(keys.get(0).has("d")).isFalse();
        assertThat(keys.get(0).has("p")).isFalse();
    }

    @Test
    void discoveryNamesTheIssuerAndItsEndpoints() {
        JsonNode discovery = IssuerClient.json(client().get("/.well-known/openid-configuration", Map.of()));

        assertThat(discovery.get("issuer").asText()).isEqualTo("http://localhost:9000");
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo("http://localhost:9000/oauth2/jwks");
        assertThat(discovery.get("token_endpoint").asText()).isEqualTo("http://localhost:9000/oauth2/token");
        assertThat(discovery.get("userinfo_endpoint").asText()).isEqualTo("http://localhost:9000/userinfo");
        assertThat(discovery.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
    }

    @Test
    void healthAnswersUpWithoutCredentials() {
        HttpResponse<String> health = client().get("/actuator/health", Map.of());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(IssuerClient.json(health).get("status").asText()).isEqualTo("UP");
        assertThat(client().get("/actuator/env", Map.of()).statusCode()).isNotEqualTo(200);
    }

    @Test
    void theSigningKeyFileIsReadableByItsOwnerOnly() throws Exception {
        client().accessToken("operator", DEMO_SECRET);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_DIR.resolve("signing-key.json"))))
                .isEqualTo("rw-------");
        assertThat(List.of(KEY_DIR.toFile().list())).containsExactly("signing-key.json");
    }
}
