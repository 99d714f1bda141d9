package org.pve.caseplatform.audit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.ops.MetricScraper.Result;
import org.pve.caseplatform.support.metrics.PrometheusText;

class OpsDashboardTest {

    private static final Instant NOW = Instant.parse("2031-03-04T09:00:00Z");
    private final OpsDashboard dashboard = new OpsDashboard(null, OpsPanel.standard(), null, null);

    @Test
    void sumsEachPanelsSeriesByItsLabelsAcrossTheServices() {
        OpsSnapshot snapshot = dashboard.build(NOW, List.of(
                up("http://referral:8081", """
                        platform_events_published_total{application="referral-service",district="dk-fyn",event="ReferralReceived"} 4
                        platform_consumer_lag{application="referral-service",consumer="r",partition="0",topic="t"} 2
                        """),
                up("http://audit:8084", """
                        platform_cases{application="audit-service",district="dk-fyn",stage="REFERRED"} 3
                        platform_cases{application="audit-service",district="dk-fyn",stage="CLOSED"} 1
                        jvm_threads_live_threads{application="audit-service"} 40
                        """)), null);

        assertThat(snapshot.sinceSeconds()).isNull();
        assertThat(snapshot.sources()).extracting(OpsSnapshot.Source::application)
                .containsExactly("referral-service", "audit-service");
        assertThat(panel(snapshot, "cases").rows()).containsExactly(
                new OpsSnapshot.Row(Map.of("district", "dk-fyn", "stage", "CLOSED"), 1, null),
                new OpsSnapshot.Row(Map.of("district", "dk-fyn", "stage", "REFERRED"), 3, null));
        assertThat(panel(snapshot, "throughput").rows()).containsExactly(
                new OpsSnapshot.Row(Map.of("district", "dk-fyn", "event", "ReferralReceived"), 4, null));
        assertThat(panel(snapshot, "lag").rows()).hasSize(1);
        assertThat(panel(snapshot, "deadLetters").rows()).isEmpty();
    }

    @Test
    void aCounterHasARateAgainstTheScrapeBeforeAndNoneWhereItCannotBeTold() {
        OpsSnapshot first = dashboard.build(NOW, List.of(up("http://referral:8081", """
                platform_events_published_total{application="referral-service",district="dk-fyn",event="ReferralReceived"} 4
                platform_events_published_total{application="referral-service",district="fr-75",event="ReferralReceived"} 9
                """)), null);
        OpsSnapshot second = dashboard.build(NOW.plusSeconds(5), List.of(up("http://referral:8081", """
                platform_events_published_total{application="referral-service",district="dk-fyn",event="ReferralReceived"} 14
                platform_events_published_total{application="referral-service",district="fr-75",event="ReferralReceived"} 2
                platform_events_published_total{application="referral-service",district="uk-luton",event="ReferralReceived"} 1
                """)), first);

        assertThat(second.sinceSeconds()).isEqualTo(5.0);
        assertThat(panel(second, "throughput").rows()).containsExactly(
                new OpsSnapshot.Row(Map.of("district", "dk-fyn", "event", "ReferralReceived"), 14, 2.0),
                new OpsSnapshot.Row(Map.of("district", "fr-75", "event", "ReferralReceived"), 2, null),
                new OpsSnapshot.Row(Map.of("district", "uk-luton", "event", "ReferralReceived"), 1, null));
    }

    @Test
    void aServiceThatDoesNotAnswerIsDownWithItsReasonAndTheOthersStillCount() {
        OpsSnapshot snapshot = dashboard.build(NOW, List.of(
                new Result("http://plan:8083", List.of(), "ConnectException: Connection refused", 3),
                up("http://audit:8084", "platform_cases{application=\"audit-service\",district=\"dk-fyn\","
                        + "stage=\"PLANNED\"} 2\n")), null);

        assertThat(snapshot.sources()).containsExactly(
                new OpsSnapshot.Source("http://plan:8083", null, false, "ConnectException: Connection refused", 3),
                new OpsSnapshot.Source("http://audit:8084", "audit-service", true, null, 1));
        assertThat(panel(snapshot, "cases").rows()).extracting(OpsSnapshot.Row::value).containsExactly(2.0);
    }

    private static Result up(String url, String text) {
        return new Result(url, PrometheusText.parse(text), null, 1);
    }

    private static OpsSnapshot.Panel panel(OpsSnapshot snapshot, String id) {
        return snapshot.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
