package org.pve.caseplatform.benchmark;

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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The services' HTTP APIs as a client sees them, with access tokens from the platform's issuer by the
 * client-credentials grant (persona id and the demo secret), each kept until a minute before it expires.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String issuerUrl;
    private final Supplier<String> secret;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    /** An answer: status and the body parsed as JSON (null when empty or not JSON). */
    record Reply(int status, JsonNode body, String text) {
    }

    Http(String issuerUrl, Supplier<String> secret) {
        this.issuerUrl = issuerUrl;
        this.secret = secret;
    }

    Reply get(String url, String persona, String purpose) {
        return send("GET", url, null, persona, purpose);
    }

    Reply post(String url, Object body, String persona) {
        return send("POST", url, body, persona, null);
    }

    Reply put(String url, Object body, String persona) {
        return send("PUT", url, body, persona, null);
    }

    /** The body of an answer with the expected status; otherwise a failure naming the call and the answer. */
    static JsonNode expect(int status, Reply reply, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + reply.status() + " "
                    + abbreviate(reply.text()));
        }
        return reply.body();
    }

    Reply send(String method, String url, Object body, String persona, String purpose) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token(persona));
        if (purpose != null) {
            request.header("X-Purpose", purpose);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = exchange(request.build());
        return new Reply(response.statusCode(), parse(response.body()), response.body());
    }

    String token(String persona) {
        Token token = tokens.get(persona);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            token = fetch(persona);
            tokens.put(persona, token);
        }
        return token.value();
    }

    private Token fetch(String persona) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(persona, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret.get(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        JsonNode body = expect(200, new Reply(response.statusCode(), parse(response.body()), response.body()),
                "token for " + persona);
        long lifetime = body.path("expires_in").asLong(300);
        return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(Math.max(lifetime - 60, 1)));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
