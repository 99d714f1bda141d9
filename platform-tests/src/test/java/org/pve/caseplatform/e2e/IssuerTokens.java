package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens from the real issuer, by the client-credentials grant: POST {issuer}/oauth2/token with HTTP basic
 * (persona id, demo secret). Kept until a minute before they expire.
 */
final class IssuerTokens {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<String> issuerUrl;
    private final Supplier<String> secret;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    private record Issued(String token, Instant expiresAt) {
    }

    IssuerTokens(Supplier<String> issuerUrl, Supplier<String> secret) {
        this.issuerUrl = issuerUrl;
        this.secret = secret;
    }

    /** A token for the persona, from the cache while it has more than a minute left. */
    String token(String personaId) {
        Issued current = issued.get(personaId);
        if (current == null || current.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
            current = fetch(personaId);
            issued.put(personaId, current);
        }
        return current.token();
    }

    /** A token fresh from the issuer (never cached), answered as the issuer sent it. */
    HttpResponse<String> request(String clientId, String clientSecret) {
        String basic = Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl.get() + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization header for the persona, as name and value. */
    String[] auth(String personaId) {
        return new String[] {"Authorization", "Bearer " + token(personaId)};
    }

    /** The Authorization header and, when {@code purpose} is not null, X-Purpose. */
    String[] as(String personaId, String purpose) {
        List<String> headers = new ArrayList<>(List.of(auth(personaId)));
        if (purpose != null) {
            headers.add("X-Purpose");
            headers.add(purpose);
        }
        return headers.toArray(String[]::new);
    }

    String secret() {
        return secret.get();
    }

    private Issued fetch(String personaId) {
        HttpResponse<String> response = request(personaId, secret.get());
        if (response.statusCode() != 200) {
            throw new AssertionError("the issuer refused a token for " + personaId + ": " + response.statusCode()
                    + " " + response.body());
        }
        try {
            JsonNode body = json.readTree(response.body());
            return new Issued(body.get("access_token").asText(),
                    Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
