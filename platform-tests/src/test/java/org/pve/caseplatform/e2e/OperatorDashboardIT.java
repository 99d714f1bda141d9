package org.pve.caseplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pve.caseplatform.support.metrics.PrometheusText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator dashboard of audit-service in a real browser (headless Chromium) over the shared platform: invented
 * referrals are driven through while the page refreshes itself; once the load stops, every figure the page shows is
 * the sum, by the labels the page shows, of what the four services' /actuator/prometheus report at that moment, and
 * every series the services report for a panel is on the page. The page loads nothing from elsewhere and logs no
 * error. Takes a screenshot under load (target/ops-dashboard.png; docs/operations/dashboard.png is one).
 */
@ExtendWith(SharedPlatform.class)
class OperatorDashboardIT {

    private static final Logger log = LoggerFactory.getLogger(OperatorDashboardIT.class);
    private static final List<String> DISTRICTS = List.of("dk-nordjylland", "uk-luton", "de-by-muenchen");
    private static final int REFERRALS = 12;
    private static final int REFRESHES_BEFORE_SCREENSHOT = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCREENSHOT = Path.of(System.getProperty("ops.screenshot", "target/ops-dashboard.png"));

    /** The figures of one panel of the page: its series, the labels it sums by, and a value per label set. */
    record PagePanel(String series, List<String> labelKeys, Map<Map<String, String>, Double> figures) {
    }

    private static SecuredPlatform platform;
    private static CaseDriver driver;
    private static HeadlessChromium browser;

    @BeforeAll
    static void openTheDashboard() {
        platform = SharedPlatform.get();
        driver = new CaseDriver(platform);
        browser = HeadlessChromium.start();
        browser.open(platform.audit() + "/ops/dashboard");
        awaitPage("its first figures", "document.body !== null && document.body.hasAttribute('data-refreshes')");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePageShowsWhatTheServicesReportOnceTheLoadStops() {
        Map<String, Integer> driven = driveLoadAndTakeAScreenshot();

        List<PagePanel> page = awaitStableComparison(shown -> driven.entrySet().stream().allMatch(referred ->
                casesPerDistrict(shown).getOrDefault(referred.getKey(), 0.0) >= referred.getValue()));

        Map<String, Double> shownPerDistrict = casesPerDistrict(page);
        driven.forEach((district, cases) -> assertThat(shownPerDistrict.getOrDefault(district, 0.0))
                .as("cases the funnel shows for %s, where this test referred %d", district, cases)
                .isGreaterThanOrEqualTo(cases));
        JsonNode sources = browser.evaluate("Array.from(document.querySelectorAll('#sources li'))"
                + ".map(li => li.className + ' ' + li.textContent)");
        assertThat(sources).extracting(JsonNode::asText).containsExactlyInAnyOrder("up referral-service up",
                "up assessment-service up", "up plan-service up", "up audit-service up");
        assertThat(browser.requested()).as("everything the page loaded")
                .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(platform.audit() + "/ops/"));
        assertThat(browser.errors()).as("errors the page logged").isEmpty();
    }

    /**
     * Referrals (half of them cleared) in three districts while the page refreshes, at least {@link #REFERRALS} and
     * on until the screenshot is taken, a few refreshes into the load.
     */
    private Map<String, Integer> driveLoadAndTakeAScreenshot() {
        Map<String, Integer> driven = new TreeMap<>();
        int refreshesBefore = browser.evaluate("Number(document.body.getAttribute('data-refreshes'))").asInt();
        AtomicBoolean shot = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while ((done.get() < REFERRALS || !shot.get()) && done.get() < 5 * REFERRALS) {
                int i = done.get();
                String district = DISTRICTS.get(i % DISTRICTS.size());
                if (i % 2 == 0) {
                    driver.referAndClear(district, "Ops" + i);
                } else {
                    driver.refer(district, "Ops" + i);
                }
                synchronized (driven) {
                    driven.merge(district, 1, Integer::sum);
                }
                done.incrementAndGet();
                PlatformClient.sleep(250);
            }
        });
        try {
            awaitPage("the funnel drawn while referrals come in",
                    "document.querySelectorAll('#panel-cases td[data-labels]').length > 0 "
                            + "&& Number(document.body.getAttribute('data-refreshes')) >= 2");
            awaitPage("a few refreshes with the load underway",
                    "Number(document.body.getAttribute('data-refreshes')) >= "
                            + (refreshesBefore + REFRESHES_BEFORE_SCREENSHOT));
            browser.screenshot(SCREENSHOT, 1400);
            log.info("Screenshot of the dashboard under load ({} referrals so far): {}", done.get(),
                    SCREENSHOT.toAbsolutePath());
        } finally {
            shot.set(true);
        }
        load.join();
        log.info("Load stopped after {} referrals: {}", done.get(), driven);
        return driven;
    }

    /**
     * Scrapes the services, waits for the page's next refresh after that, reads the page and scrapes again: when the
     * two scrapes agree (nothing moved meanwhile) the page must equal them, and be {@code complete} (show what the
     * test drove). Retries while figures still move (the consumers catch up, audit-service recounts its funnel every
     * 10 s); fails showing the last difference.
     */
    private List<PagePanel> awaitStableComparison(Predicate<List<PagePanel>> complete) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String lastDifference = "never compared";
        while (System.nanoTime() < deadline) {
            Instant before = Instant.now();
            List<PrometheusText.Sample> first = scrapeServices();
            awaitPage("a refresh after " + before, "Date.parse(document.getElementById('scraped-at')"
                    + ".getAttribute('data-scraped-at')) > " + before.toEpochMilli());
            List<PagePanel> page = readPage();
            List<PrometheusText.Sample> second = scrapeServices();
            List<String> moved = differences(page, second, first);
            List<String> differences = differences(page, first, null);
            if (moved.isEmpty() && differences.isEmpty() && complete.test(page)) {
                log.info("The page equals the services' metrics: {}", page);
                return page;
            }
            lastDifference = !moved.isEmpty() ? "the services' figures still moving: " + moved
                    : !differences.isEmpty() ? "page against the services: " + differences
                    : "page and services agree but do not show every case referred yet: " + casesPerDistrict(page);
            log.info("Not yet equal ({}); again", lastDifference);
        }
        throw new AssertionError("the dashboard never showed what the services report; last: " + lastDifference);
    }

    private static Map<String, Double> casesPerDistrict(List<PagePanel> page) {
        Map<String, Double> perDistrict = new TreeMap<>();
        page.stream().filter(panel -> panel.series().equals("platform_cases")).findFirst()
                .orElseThrow(() -> new AssertionError("the page has no funnel (platform_cases)"))
                .figures().forEach((labels, value) -> perDistrict.merge(labels.get("district"), value, Double::sum));
        return perDistrict;
    }

    /**
     * What differs between the page's figures and the samples summed the way the page sums them; with
     * {@code reference} given, compares {@code samples} with it instead (by the page's panels), to see whether
     * anything moved.
     */
    private static List<String> differences(List<PagePanel> page, List<PrometheusText.Sample> samples,
                                            List<PrometheusText.Sample> reference) {
        List<String> differences = new ArrayList<>();
        for (PagePanel panel : page) {
            Map<Map<String, String>, Double> expected =
                    PrometheusText.sumBy(samples, panel.series(), panel.labelKeys());
            Map<Map<String, String>, Double> actual = reference == null ? panel.figures()
                    : PrometheusText.sumBy(reference, panel.series(), panel.labelKeys());
            if (!sameFigures(expected, actual)) {
                differences.add(panel.series() + " expected " + expected + " but was " + actual);
            }
        }
        return differences;
    }

    private static boolean sameFigures(Map<Map<String, String>, Double> expected,
                                       Map<Map<String, String>, Double> actual) {
        Map<Map<String, String>, Double> want = new HashMap<>(expected);
        Map<Map<String, String>, Double> have = new HashMap<>(actual);
        if (!want.keySet().equals(have.keySet())) {
            return false;
        }
        // the page shows whole numbers as they are and others to three decimals
        return want.entrySet().stream().allMatch(e -> Math.abs(e.getValue() - have.get(e.getKey())) < 0.001);
    }

    /** The panels as the page shows them: each section's series and labels, each figure's labels and text. */
    private static List<PagePanel> readPage() {
        JsonNode sections = browser.evaluate("""
                Array.from(document.querySelectorAll('section[data-series]')).map(section => ({
                  series: section.getAttribute('data-series'),
                  labelKeys: section.getAttribute('data-label-keys'),
                  figures: Array.from(section.querySelectorAll('[data-labels]')).map(cell => ({
                    labels: JSON.parse(cell.getAttribute('data-labels')), text: cell.textContent }))
                }))""");
        List<PagePanel> panels = new ArrayList<>();
        for (JsonNode section : sections) {
            Map<Map<String, String>, Double> figures = new LinkedHashMap<>();
            for (JsonNode figure : section.get("figures")) {
                Map<String, String> labels = new LinkedHashMap<>();
                figure.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                Double previous = figures.put(labels, Double.parseDouble(figure.get("text").asText()));
                assertThat(previous).as("one figure per label set in " + section.get("series")).isNull();
            }
            String keys = section.get("labelKeys").asText();
            panels.add(new PagePanel(section.get("series").asText(),
                    keys.isEmpty() ? List.of() : List.of(keys.split(",")), figures));
        }
        assertThat(panels).as("the panels the page shows").hasSizeGreaterThanOrEqualTo(5);
        return panels;
    }

    private static List<PrometheusText.Sample> scrapeServices() {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (String service : SecuredPlatform.SERVICES) {
            PlatformClient.Reply reply = platform.client().get(platform.url(service) + "/actuator/prometheus",
                    "Accept", PrometheusText.ACCEPT);
            assertThat(reply.status()).as(service + " /actuator/prometheus").isEqualTo(200);
            samples.addAll(PrometheusText.parse(reply.text()));
        }
        return samples;
    }

    private static void awaitPage(String what, String condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (browser.evaluate("Boolean(" + condition + ")").asBoolean()) {
                return;
            }
            PlatformClient.sleep(250);
        }
        throw new AssertionError("the dashboard never showed " + what + "; it shows: "
                + browser.evaluate("document.body.innerText"));
    }
}
