package org.pve.caseplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemorySamplerTest {

    @Test
    void procStatusSizesAreReadInBytes() {
        assertThat(MemorySampler.parseKilobytes("\t  243512 kB")).hasValue(243_512L * 1024);
        assertThat(MemorySampler.parseKilobytes("garbage")).isEmpty();
    }
}
