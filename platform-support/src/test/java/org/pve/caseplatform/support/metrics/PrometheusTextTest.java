package org.pve.caseplatform.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.metrics.PrometheusText.Sample;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP platform_cases cases per current stage
            # TYPE platform_cases gauge
            platform_cases{application="audit-service",district="dk-fyn",stage="REFERRED"} 3.0
            platform_cases{application="audit-service",district="fr-75",stage="REFERRED"} 2.0
            platform_cases{application="audit-service",district="dk-fyn",stage="IN_ASSESSMENT"} 1.0
            platform_consumer_lag{application="plan-service",consumer="plan-cases",partition="0",topic="case.assessment.events"} 0
            jvm_info{runtime="OpenJDK",vendor="Eclipse \\"Adoptium\\"",version="17.0.12"} 1
            process_uptime_seconds 42.5 1700000000000
            http_server_requests_seconds_bucket{le="+Inf",uri="/ops/metrics"} 7
            weird_gauge{application="a"} NaN
            """;

    @Test
    void readsNamesLabelsAndValuesAndPassesOverComments() {
        List<Sample> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples).hasSize(8);
        assertThat(samples.get(0)).isEqualTo(new Sample("platform_cases",
                Map.of("application", "audit-service", "district", "dk-fyn", "stage", "REFERRED"), 3.0));
        assertThat(samples.get(4).labels()).containsEntry("vendor", "Eclipse \"Adoptium\"");
        assertThat(samples.get(5)).isEqualTo(new Sample("process_uptime_seconds", Map.of(), 42.5));
        assertThat(samples.get(6).labels()).containsEntry("le", "+Inf");
        assertThat(samples.get(7).value()).isNaN();
    }

    @Test
    void sumsASeriesByTheGivenLabelsAcrossTheOthers() {
        Map<Map<String, String>, Double> byStage =
                PrometheusText.sumBy(PrometheusText.parse(SCRAPE), "platform_cases", List.of("stage"));

        assertThat(byStage).containsExactly(Map.entry(Map.of("stage", "IN_ASSESSMENT"), 1.0),
                Map.entry(Map.of("stage", "REFERRED"), 5.0));
        assertThat(PrometheusText.sumBy(PrometheusText.parse(SCRAPE), "platform_dead_letters_total",
                List.of("topic"))).isEmpty();
    }

    @Test
    void aLineThatIsNotASampleIsAnErrorNamingIt() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{stage=REFERRED} 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PrometheusText.parse("no_value{a=\"b\"} many\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }
}
