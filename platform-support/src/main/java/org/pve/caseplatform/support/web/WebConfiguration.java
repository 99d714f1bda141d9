package org.pve.caseplatform.support.web;

import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Problem+json answers and the reference data, for every service. */
@AutoConfiguration
@Import(ProblemResponses.class)
public class WebConfiguration {

    @Bean
    public DistrictDirectory districtDirectory() {
        return DistrictDirectory.load();
    }
}
