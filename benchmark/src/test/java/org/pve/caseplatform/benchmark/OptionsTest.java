package org.pve.caseplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theDefaultsAreTheIssuesSizesOnBothBackends() {
        Options options = Options.parse();

        assertThat(options.historyCases()).containsExactly(10_000, 100_000);
        assertThat(options.backends()).containsExactly(Options.Backend.MEMORY, Options.Backend.DISK);
        assertThat(options.pacedCases()).isEqualTo(options.cases() / 2);
    }

    @Test
    void sizesAreSortedAndFlagsOverrideQuick() {
        Options options = Options.parse("--quick", "--history-cases=5000,1000", "--cases=10", "--rows=disk");

        assertThat(options.historyCases()).containsExactly(1000, 5000);
        assertThat(options.cases()).isEqualTo(10);
        assertThat(options.pacedCases()).isEqualTo(5);
        assertThat(options.backends()).containsExactly(Options.Backend.DISK);
    }

    @Test
    void anUnknownOptionOrABadNumberIsNamed() {
        assertThatThrownBy(() -> Options.parse("--casses=10")).hasMessageContaining("--casses=10");
        assertThatThrownBy(() -> Options.parse("--cases=0")).hasMessageContaining("--cases=0");
        assertThatThrownBy(() -> Options.parse("--rows=ssd")).hasMessageContaining("ssd");
    }
}
