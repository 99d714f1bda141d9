package org.pve.caseplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void aHundredSamplesGiveTheNearestRankWhateverTheirOrder() {
        List<Integer> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples);

        Percentiles percentiles = Percentiles.of(samples);

        assertThat(percentiles.count()).isEqualTo(100);
        assertThat(percentiles.p50()).isEqualTo(50);
        assertThat(percentiles.p95()).isEqualTo(95);
        assertThat(percentiles.p99()).isEqualTo(99);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void fewSamplesRoundTheRankUpSoTheTailIsNeverUnderstated() {
        Percentiles percentiles = Percentiles.of(List.of(10.0, 20.0, 30.0, 1000.0));

        assertThat(percentiles.p50()).isEqualTo(20.0);
        assertThat(percentiles.p95()).isEqualTo(1000.0);
        assertThat(percentiles.p99()).isEqualTo(1000.0);
    }

    @Test
    void noSamplesMeasureNothing() {
        Percentiles percentiles = Percentiles.of(List.of());

        assertThat(percentiles.count()).isZero();
        assertThat(percentiles.p99()).isNaN();
    }

    @Test
    void aPercentileOutsideZeroToAHundredIsRefused() {
        assertThatThrownBy(() -> Percentiles.rank(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.rank(new double[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
