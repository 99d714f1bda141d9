package org.pve.caseplatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.pve.caseplatform.contract.EventJson;

/**
 * A plain JSON-over-HTTP client, to drive a service as its users' front ends do: each copy sends its own headers
 * (the caller's token, the purpose of a read) with every request.
 */
final class HttpJsonClient {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers;

    HttpJsonClient(int port) {
        this("http://localhost:" + port, Map.of());
    }

    private HttpJsonClient(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** A client that sends the header as well (replacing one of the same name). */
    HttpJsonClient with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpJsonClient(base, more);
    }

    /** A client that sends the Authorization header value (a {@code TestTokens} bearer). */
    HttpJsonClient as(String bearer) {
        return with("Authorization", bearer);
    }

    /** A client that states the purpose of its reads in the X-Purpose header. */
    HttpJsonClient purpose(String purpose) {
        return with("X-Purpose", purpose);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(json(body)).header("Content-Type", "application/json"));
    }

    /** A POST without a body. */
    Response post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(json(body)).header("Content-Type", "application/json"));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer as a client reads it. */
    record Response(int status, String contentType, String location, JsonNode body) {

        /** The fields a problem's {@code errors} member names. */
        List<String> errorFields() {
            return texts(body.path("errors"), "field");
        }

        /** The problem body without its {@code instance} (the request's path), to compare two answers. */
        JsonNode problemWithoutInstance() {
            JsonNode copy = body.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.remove("instance");
            }
            return copy;
        }

        List<String> errorReasons() {
            return texts(body.path("errors"), "reason");
        }

        private static List<String> texts(JsonNode array, String member) {
            return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(member).asText()).toList();
        }
    }
}
