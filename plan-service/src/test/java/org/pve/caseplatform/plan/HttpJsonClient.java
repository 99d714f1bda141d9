package org.pve.caseplatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.pve.caseplatform.contract.EventJson;

/** A plain JSON-over-HTTP client, to drive a service as its users' front ends do. */
final class HttpJsonClient {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    HttpJsonClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(json(body)).header("Content-Type", "application/json"));
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
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

        List<String> errorReasons() {
            return texts(body.path("errors"), "reason");
        }

        private static List<String> texts(JsonNode array, String member) {
            return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(member).asText()).toList();
        }
    }
}
