package org.pve.caseplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.pve.caseplatform.embedded.ServiceProcess;
import org.pve.caseplatform.support.metrics.PrometheusText;

/** One instance's figures, as its /actuator/prometheus shows them to an operator's scraper. */
final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Metrics() {
    }

    /** Events the instance's consumer of that name has handled since it started. */
    static double consumed(ServiceProcess instance, String consumer) {
        return sum(instance, "platform_events_consumed_total", consumer);
    }

    /** Records the instance's consumers are behind the log end, over every partition they hold. */
    static double lag(ServiceProcess instance) {
        return scrape(instance).stream().filter(sample -> sample.name().equals("platform_consumer_lag"))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    /** How many partitions the consumer holds now: it keeps a lag gauge for each. */
    static double lagSeries(ServiceProcess instance, String consumer) {
        return scrape(instance).stream().filter(sample -> sample.name().equals("platform_consumer_lag")
                && consumer.equals(sample.labels().get("consumer"))).count();
    }

    private static double sum(ServiceProcess instance, String name, String consumer) {
        return scrape(instance).stream().filter(sample -> sample.name().equals(name)
                && consumer.equals(sample.labels().get("consumer"))).mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static List<PrometheusText.Sample> scrape(ServiceProcess instance) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/prometheus"))
                .header("Accept", PrometheusText.ACCEPT).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(instance.name() + " /actuator/prometheus answered " + response.statusCode());
            }
            return PrometheusText.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(instance.name() + " /actuator/prometheus", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
