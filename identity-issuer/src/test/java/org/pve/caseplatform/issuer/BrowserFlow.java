package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorization-code flow with PKCE as a browser and the web client drive it, over plain HTTP: the authorization
 * request, the login form (with its CSRF token), the redirect back with the code.
 */
final class BrowserFlow {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Map<String, String> BROWSER = Map.of("Accept", "text/html");

    final IssuerClient client;
    final String redirectUri;
    final String verifier = randomUrlSafe(32);
    final String state = randomUrlSafe(12);

    BrowserFlow(IssuerClient client, String redirectUri) {
        this.client = client;
        this.redirectUri = redirectUri;
    }

    /** The authorization request of the web client, with the S256 challenge of this flow's verifier, or none. */
    String authorizeUrl(boolean withChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", PersonaRegistrations.WEB_CLIENT);
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("redirect_uri", redirectUri);
        if (withChallenge) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        StringBuilder url = new StringBuilder(client.baseUrl() + "/oauth2/authorize");
        query.forEach((name, value) -> url.append(url.indexOf("?") < 0 ? '?' : '&')
                .append(name).append('=').append(IssuerClient.encode(value)));
        return url.toString();
    }

    /** Starts at the authorization request, logs in on the form and answers where the issuer finally redirects. */
    URI loginAndAuthorize(String username, String password, boolean withChallenge) {
        HttpResponse<String> authorize = client.get(authorizeUrl(withChallenge), BROWSER);
        assertThat(authorize.statusCode()).as("authorize without a session").isEqualTo(302);
        assertThat(location(authorize).getPath()).isEqualTo("/login");
        HttpResponse<String> loggedIn = login(username, password);
        assertThat(loggedIn.statusCode()).as("login").isEqualTo(302);
        HttpResponse<String> resumed = client.get(location(loggedIn).toString(), BROWSER);
        assertThat(resumed.statusCode()).as("authorize after login").isEqualTo(302);
        return location(resumed);
    }

    HttpResponse<String> login(String username, String password) {
        HttpResponse<String> form = client.get("/login", BROWSER);
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("CSRF field on the login form").isTrue();
        return client.postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1)));
    }

    HttpResponse<String> exchange(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", PersonaRegistrations.WEB_CLIENT);
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return client.postForm("/oauth2/token", form);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
