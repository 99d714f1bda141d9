package org.pve.caseplatform.support.web.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.pve.caseplatform.support.web.FieldError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a command sent over HTTP with an {@code Idempotency-Key} header safe to retry: the first request with a key
 * runs, and its answer (status, Location, ETag, body) is kept; a retry with the same key, from the same caller, for
 * the same method, path and body gets that answer again with {@code Idempotency-Replayed: true} and has no second
 * effect. A retry while the first still runs gets 409; the key reused for a different request 422; a malformed key
 * 400, all as problem+json naming the header. A server failure (5xx) keeps nothing, so the retry runs anew. Runs
 * after authentication, so keys of different callers never meet.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotentResponses responses;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotentResponses responses, ObjectMapper json) {
        this.responses = responses;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMANDS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-request", "The request has an invalid header",
                    "must be 1 to 255 visible ASCII characters, e.g. a UUID");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String id = sha256(caller() + "\n" + key);
        String fingerprint = sha256(request.getMethod() + " " + request.getRequestURI() + "?"
                + request.getQueryString() + "\n" + new String(body, StandardCharsets.UTF_8));
        IdempotentResponses.Claim claim = responses.claim(id, fingerprint);
        if (claim instanceof IdempotentResponses.Claim.Replay replay) {
            replay(replay.answer(), response);
        } else if (claim instanceof IdempotentResponses.Claim.InProgress) {
            problem(response, HttpStatus.CONFLICT, "request-in-progress", "A request with this key is still running",
                    "a request with this key is still running; retry once it has answered");
        } else if (claim instanceof IdempotentResponses.Claim.Mismatch) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "The key was used for a different request", "was already used for a different request "
                            + "(method, path or body); use a new key for a new request");
        } else {
            runOnce(request, body, response, chain, id);
        }
    }

    private void runOnce(HttpServletRequest request, byte[] body, HttpServletResponse response, FilterChain chain,
                         String id) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayedBody(request, body), captured);
            int status = captured.getStatus();
            if (status < 500 && status != HttpStatus.UNAUTHORIZED.value()
                    && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                byte[] answer = captured.getContentAsByteArray();
                responses.complete(id, new IdempotentResponses.StoredAnswer(status, captured.getContentType(),
                        captured.getHeader(HttpHeaders.LOCATION), captured.getHeader(HttpHeaders.ETAG),
                        answer.length == 0 ? null : new String(answer, StandardCharsets.UTF_8)));
                kept = true;
            }
        } finally {
            if (!kept) {
                responses.release(id);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotentResponses.StoredAnswer answer, HttpServletResponse response)
            throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body() != null) {
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail, String reason)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create("/problems/" + type));
        problem.setProperty("errors", List.of(new FieldError(HEADER, reason)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Who sends the request: the token's subject, or "anonymous" (a public referrer). */
    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous"
                : authentication.getClass().getSimpleName() + ":" + authentication.getName();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body, already read for the fingerprint, readable again by the handler. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
