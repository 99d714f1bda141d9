package org.pve.caseplatform.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistrictsTest {

    @Test
    void fullLifecyclesGoWhereTheBenchmarksProviderOffersMentoring() {
        List<String> lines = List.of("providerId,name,serviceTypes,districts",
                "ngo-x,X,MENTORING,dk-fyn",
                "ngo-mentor-net,Mentor Net,MENTORING;FAMILY_SUPPORT,dk-fyn;uk-luton");

        assertThat(Districts.servedBy(lines)).containsExactly("dk-fyn", "uk-luton");
        assertThat(Districts.servedBy(List.of("ngo-mentor-net,Mentor Net,FAMILY_SUPPORT,dk-fyn"))).isEmpty();
    }
}
