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

/** Talks to the running services over HTTP as an integrator's client would. */
final class PlatformClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    record Reply(int status, String contentType, JsonNode body) {
    }

    Reply post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(bodyOf(body)));
    }

    /** Posts with extra headers, given as name, value, name, value... (the interim X-Caller headers, say). */
    Reply post(String url, Object body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).headers(headers).POST(bodyOf(body)));
    }

    Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(bodyOf(body)));
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts and insists on the expected status, showing the answer when it is not. */
    JsonNode expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    /** Polls {@code url} until its answer satisfies {@code ready}; the services meet through Kafka, so it lags. */
    JsonNode await(String url, Predicate<Reply> ready, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = get(url);
            if (ready.test(last)) {
                return last.body();
            }
            sleep(200);
        }
        throw new AssertionError("gave up waiting on " + url + "; last answer " + (last == null ? "none"
                : last.status() + " " + last.body()));
    }

    private HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
