package org.pve.caseplatform.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Talks to a running referral-service as a given caller (the interim X-Caller headers), as a front end would. */
public final class ReferralClient {

    /** Who calls; {@link #PUBLIC} sends no caller headers at all (an anonymous member of the public). */
    public record As(String id, String role, String agency) {
    }

    public static final As PUBLIC = null;
    public static final As POLICE_SCREENER = new As("screener-amara", "POLICE_SCREENER", "POLICE");
    public static final As POLICE_OFFICER = new As("officer-brennan", "CASE_OWNER", "POLICE");
    public static final As SOCIAL_WORKER = new As("social-worker-dee", "PANEL_MEMBER", "SOCIAL_SERVICES");

    /** An HTTP answer: status, content type and the JSON body (a null node when empty). */
    public record Answer(int status, String contentType, JsonNode body) {

        /** The body without {@code instance}, which names the request path; what remains must not tell ids apart. */
        public JsonNode withoutInstance() {
            JsonNode copy = body.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.remove("instance");
            }
            return copy;
        }

        public List<String> errorFields() {
            return body.path("errors").findValuesAsText("field");
        }
    }

    private final RestClient rest;
    private final ObjectMapper json = new ObjectMapper();

    public ReferralClient(int port) {
        this.rest = RestClient.create("http://localhost:" + port);
    }

    public Answer post(String path, Object body, As caller) {
        return exchange(rest.post().uri(path).headers(headers -> identify(headers, caller))
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Answer get(String path, As caller) {
        return exchange(rest.get().uri(path).headers(headers -> identify(headers, caller)));
    }

    /** Receives a referral from a referrer; answers its referral id. */
    public String refer(Map<String, Object> referral) {
        Answer answer = post("/referrals", referral, PUBLIC);
        if (answer.status() != 201) {
            throw new IllegalStateException("referral refused: " + answer);
        }
        return answer.body().get("referralId").asText();
    }

    public Answer screen(String referralId, Map<String, String> decision, As caller) {
        return post("/referrals/" + referralId + "/screening", decision, caller);
    }

    public static Map<String, String> clear() {
        return Map.of("decision", "CLEAR", "screenedBy", "screener-amara", "rationale", "No security response needed");
    }

    public static Map<String, String> close(String reason) {
        return Map.of("decision", "CLOSE", "screenedBy", "screener-amara", "rationale", "Nothing to act on",
                "reason", reason);
    }

    public static Map<String, String> escalate(String to) {
        return Map.of("decision", "ESCALATE", "screenedBy", "screener-amara", "rationale", "Security threshold met",
                "escalatedTo", to);
    }

    private static void identify(HttpHeaders headers, As caller) {
        if (caller != null) {
            headers.set("X-Caller-Id", caller.id());
            headers.set("X-Caller-Role", caller.role());
            headers.set("X-Caller-Agency", caller.agency());
        }
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
            String type = response.getHeaders().getContentType() == null ? ""
                    : response.getHeaders().getContentType().toString();
            return new Answer(response.getStatusCode().value(), type, node);
        });
    }
}
