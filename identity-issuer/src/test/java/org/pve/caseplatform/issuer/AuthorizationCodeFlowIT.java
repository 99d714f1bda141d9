package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.Jwt;

/** A persona as a user: the web client's authorization-code flow with PKCE, driven over plain HTTP. */
class AuthorizationCodeFlowIT extends IssuerItSupport {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/callback", "http://localhost:8080/callback"})
    void aPersonaLogsInAndTheWebClientExchangesTheCodeWithItsVerifier(String redirectUri) {
        BrowserFlow flow = new BrowserFlow(client(), redirectUri);

        URI callback = flow.loginAndAuthorize("owner.dk-fyn", DEMO_SECRET, true);
        assertThat(callback.toString()).startsWith(redirectUri + "?");
        Map<String, String> answer = BrowserFlow.query(callback);
        assertThat(answer).containsEntry("state", flow.state).containsKey("code");
        HttpResponse<String> tokens = flow.exchange(answer.get("code"), flow.verifier);

        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode body = IssuerClient.json(tokens);
        Jwt access = flow.client.verify(body.get("access_token").asText());
        assertThat(access.getSubject()).isEqualTo("owner.dk-fyn");
        assertThat(access.getAudience()).containsExactly("case-platform");
        assertThat(access.getClaimAsString("role")).isEqualTo("CASE_OWNER");
        assertThat(access.getClaimAsString("agency")).isEqualTo("SOCIAL_SERVICES");
        assertThat(access.getClaimAsStringList("districts")).containsExactly("dk-fyn");
        assertThat(access.getClaimAsString("name")).isEqualTo("Sofie Lund");
        // Spring Authorization Server issues no refresh token to a public client, although the grant is registered
        assertThat(body.has("refresh_token")).isFalse();
        Jwt id = flow.client.verify(body.get("id_token").asText());
        assertThat(id.getSubject()).isEqualTo("owner.dk-fyn");
        assertThat(id.getAudience()).containsExactly(PersonaRegistrations.WEB_CLIENT);
        assertThat(id.getClaimAsString("name")).isEqualTo("Sofie Lund");
    }

    @Test
    void userinfoAnswersThePersonasPlatformClaims() {
        BrowserFlow flow = new BrowserFlow(client(), "http://127.0.0.1:8080/callback");
        String code = BrowserFlow.query(flow.loginAndAuthorize("provider.ngo-mentor-net", DEMO_SECRET, true))
                .get("code");
        String accessToken = IssuerClient.json(flow.exchange(code, flow.verifier)).get("access_token").asText();

        HttpResponse<String> userinfo = flow.client.get("/userinfo", Map.of("Authorization", "Bearer " + accessToken));

        assertThat(userinfo.statusCode()).isEqualTo(200);
        JsonNode claims = IssuerClient.json(userinfo);
        assertThat(claims.get("sub").asText()).isEqualTo("provider.ngo-mentor-net");
        assertThat(claims.get("role").asText()).isEqualTo("PROVIDER");
        assertThat(claims.get("provider").asText()).isEqualTo("ngo-mentor-net");
        assertThat(claims.get("districts").toString()).isEqualTo("[\"dk-fyn\"]");
    }

    @Test
    void aCodeExchangedWithoutTheVerifierOrWithAnotherOneGetsNoToken() {
        BrowserFlow flow = new BrowserFlow(client(), "http://127.0.0.1:8080/callback");
        String code = BrowserFlow.query(flow.loginAndAuthorize("screener.fr-01", DEMO_SECRET, true)).get("code");

        HttpResponse<String> withoutVerifier = flow.exchange(code, null);
        HttpResponse<String> otherVerifier = flow.exchange(code, new BrowserFlow(client(), flow.redirectUri).verifier);

        // without its verifier the public client is not even authenticated
        assertThat(withoutVerifier.statusCode()).isEqualTo(400);
        assertThat(withoutVerifier.body()).contains("invalid_client").doesNotContain("access_token");
        assertThat(otherVerifier.statusCode()).isEqualTo(400);
        assertThat(otherVerifier.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    @Test
    void anAuthorizationRequestWithoutACodeChallengeIsSentBackWithAnErrorBeforeAnyLogin() {
        BrowserFlow flow = new BrowserFlow(client(), "http://127.0.0.1:8080/callback");

        HttpResponse<String> authorize = flow.client.get(flow.authorizeUrl(false), Map.of("Accept", "text/html"));

        assertThat(authorize.statusCode()).isEqualTo(302);
        URI answer = BrowserFlow.location(authorize);
        assertThat(answer.toString()).startsWith(flow.redirectUri + "?");
        assertThat(BrowserFlow.query(answer)).containsEntry("error", "invalid_request")
                .containsEntry("state", flow.state).doesNotContainKey("code");
        assertThat(BrowserFlow.query(answer).get("error_description")).contains("code_challenge");
    }

    @Test
    void aWrongPasswordKeepsThePersonaOnTheLoginForm() {
        BrowserFlow flow = new BrowserFlow(client(), "http://127.0.0.1:8080/callback");
        flow.client.get(flow.authorizeUrl(true), Map.of("Accept", "text/html"));

        HttpResponse<String> login = flow.login("owner.dk-fyn", DEMO_SECRET + "x");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(BrowserFlow.location(login).toString()).endsWith("/login?error");
    }

    @Test
    void anUnregisteredRedirectUriGetsNoCode() {
        BrowserFlow flow = new BrowserFlow(client(), "http://localhost:8080/elsewhere");

        HttpResponse<String> authorize = flow.client.get(flow.authorizeUrl(true), Map.of("Accept", "text/html"));

        assertThat(authorize.statusCode()).isEqualTo(400);
        assertThat(authorize.headers().firstValue("Location")).isEmpty();
    }
}
