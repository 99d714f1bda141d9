package org.pve.caseplatform.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Talks to a running referral-service as a given caller, with a bearer token from the test issuer, as a front end
 * would. A GET states the first purpose the caller's role may use ({@code X-Purpose}) unless told otherwise.
 */
public final class ReferralClient {

    /** Who calls; {@link #PUBLIC} sends no token at all (an anonymous member of the public). */
    public record As(Role role, Agency agency, String... districts) {

        public String id() {
            return TestTokens.idOf(role, agency);
        }

        String bearer() {
            return TestTokens.bearer(role, agency, districts);
        }

        /** The purpose this caller states by default when reading case detail. */
        String purpose() {
            return switch (role) {
                case POLICE_SCREENER -> "SCREENING";
                case CASE_OWNER -> "CASE_MANAGEMENT";
                case DATA_PROTECTION_OFFICER -> "DATA_PROTECTION";
                default -> AccessPolicy.purposesOf(role).stream().map(Enum::name).sorted().findFirst()
                        .orElse(null);
            };
        }

        /** The same role and agency, working in other districts. */
        public As in(String... otherDistricts) {
            return new As(role, agency, otherDistricts);
        }

        @Override
        public String toString() {
            return id() + " in " + String.join(",", districts);
        }
    }

    public static final As PUBLIC = null;
    public static final As POLICE_SCREENER = new As(Role.POLICE_SCREENER, Agency.POLICE, "*");
    /** A police case owner: of the police, but not a screener. */
    public static final As POLICE_OFFICER = new As(Role.CASE_OWNER, Agency.POLICE, "*");
    /** A social-services case owner: reads referrals of its agency, groups families, asks whom a person is known to. */
    public static final As SOCIAL_WORKER = new As(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, "*");
    public static final As PANEL_MEMBER = new As(Role.PANEL_MEMBER, Agency.SOCIAL_SERVICES, "*");
    public static final As DATA_PROTECTION_OFFICER = new As(Role.DATA_PROTECTION_OFFICER, Agency.PUBLIC, "*");

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

    /** A POST without a body. */
    public Answer post(String path, As caller) {
        return exchange(rest.post().uri(path).headers(headers -> identify(headers, caller)));
    }

    /** A GET stating the caller's default purpose. */
    public Answer get(String path, As caller) {
        return get(path, caller, caller == null ? null : caller.purpose());
    }

    /** A GET stating {@code purpose} (none when null). */
    public Answer get(String path, As caller, String purpose) {
        return exchange(rest.get().uri(path).headers(headers -> {
            identify(headers, caller);
            if (purpose != null) {
                headers.set(AccessPolicy.PURPOSE_HEADER, purpose);
            }
        }));
    }

    /**
     * Receives a referral; answers its referral id. A public channel is sent without a token; an agency or
     * integration referral by a signed-in referrer of its referrerAgency.
     */
    public String refer(Map<String, Object> referral) {
        Answer answer = post("/referrals", referral, referrerOf(referral));
        if (answer.status() != 201) {
            throw new IllegalStateException("referral refused: " + answer);
        }
        return answer.body().get("referralId").asText();
    }

    public Answer screen(String referralId, Map<String, String> decision, As caller) {
        return post("/referrals/" + referralId + "/screening", decision, caller);
    }

    /** Who sends a referral: nobody signed in on a public channel, else a referrer of its agency. */
    public static As referrerOf(Map<String, Object> referral) {
        String channel = String.valueOf(referral.get("channel"));
        if (channel.equals("AGENCY") || channel.equals("INTEGRATION")) {
            return new As(Role.REFERRER, Agency.valueOf(String.valueOf(referral.get("referrerAgency"))), "*");
        }
        return PUBLIC;
    }

    public static Map<String, String> clear() {
        return Map.of("decision", "CLEAR", "rationale", "No security response needed");
    }

    public static Map<String, String> close(String reason) {
        return Map.of("decision", "CLOSE", "rationale", "Nothing to act on", "reason", reason);
    }

    public static Map<String, String> escalate(String to) {
        return Map.of("decision", "ESCALATE", "rationale", "Security threshold met", "escalatedTo", to);
    }

    private static void identify(HttpHeaders headers, As caller) {
        if (caller != null) {
            headers.set(HttpHeaders.AUTHORIZATION, caller.bearer());
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
