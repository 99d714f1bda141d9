package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Talks to the running services over HTTP as an integrator's client would. Headers (the bearer token, X-Purpose)
 * are given as name, value, name, value... ({@link IssuerTokens#as} makes them for a persona).
 */
final class PlatformClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** An answer: status, content type, the body as JSON (a text node when it is not JSON) and as text. */
    record Reply(int status, String contentType, JsonNode body, String text) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    Reply post(String url, Object body, String... headers) {
        return send("POST", url, body, headers);
    }

    Reply put(String url, Object body, String... headers) {
        return send("PUT", url, body, headers);
    }

    Reply get(String url, String... headers) {
        return send("GET", url, null, headers);
    }

    /** Sends {@code body} (JSON of it; a String is sent as it is; null sends none) with the headers. */
    Reply send(String method, String url, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, bodyOf(body));
        }
        return send(request.build());
    }

    /** Insists on the expected status, showing the answer when it is not. */
    JsonNode expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply.status() + ": " + reply.text());
        }
        return reply.body();
    }

    /** Polls until the answer satisfies {@code ready}; the services meet through Kafka, so it lags. */
    JsonNode await(String url, Predicate<Reply> ready, Duration patience, String... headers) {
        long deadline = System.nanoTime() + patience.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = get(url, headers);
            if (ready.test(last)) {
                return last.body();
            }
            sleep(250);
        }
        throw new AssertionError("gave up waiting on " + url + "; last answer " + (last == null ? "none"
                : last.status() + " " + last.text()));
    }

    JsonNode await(String url, Duration patience, String... headers) {
        return await(url, reply -> reply.status() == 200, patience, headers);
    }

    ObjectMapper json() {
        return json;
    }

    private HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), type, parse(text), text);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(text);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
