package org.pve.caseplatform.audit.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pve.caseplatform.support.metrics.PrometheusText;
import org.pve.caseplatform.support.metrics.PrometheusText.Sample;

/**
 * Reads {@code /actuator/prometheus} of each configured service, all at once, each within a timeout. A service that
 * does not answer (or answers something unreadable) is reported down with the reason; the others still count.
 */
public class MetricScraper {

    /** One service's answer: its samples, or why there are none. */
    public record Result(String url, List<Sample> samples, String error, long millis) {

        public boolean up() {
            return error == null;
        }

        /** The application label its series carry (the common tag), or null when down or untagged. */
        public String application() {
            return samples.stream().map(sample -> sample.labels().get("application")).filter(a -> a != null)
                    .findFirst().orElse(null);
        }
    }

    private final List<String> baseUrls;
    private final Duration timeout;
    private final HttpClient http;

    public MetricScraper(List<String> baseUrls, Duration timeout) {
        this.baseUrls = List.copyOf(baseUrls);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public List<Result> scrape() {
        List<CompletableFuture<Result>> answers = new ArrayList<>();
        for (String baseUrl : baseUrls) {
            answers.add(scrape(baseUrl));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Result> scrape(String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/actuator/prometheus";
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", PrometheusText.ACCEPT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (response.statusCode() != 200) {
                        return new Result(baseUrl, List.of(), "HTTP " + response.statusCode(), millis);
                    }
                    return new Result(baseUrl, PrometheusText.parse(response.body()), null, millis);
                })
                .exceptionally(failure -> new Result(baseUrl, List.of(), reason(failure),
                        (System.nanoTime() - started) / 1_000_000));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
