package org.pve.caseplatform.audit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.ops.CaseStageGauge;
import org.pve.caseplatform.audit.ops.MetricScraper;
import org.pve.caseplatform.audit.ops.OpsDashboard;
import org.pve.caseplatform.audit.ops.OpsPanel;
import org.pve.caseplatform.support.schedule.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations: the case-stage funnel gauge ({@code platform.cases}), recounted every {@code platform.ops.cases-interval},
 * and the operator dashboard at /ops/dashboard over the metrics of the services at {@code platform.ops.sources}
 * (their base URLs; the embedded launcher passes the ports it picked).
 */
@Configuration
class OpsConfiguration {

    @Bean
    CaseStageGauge caseStageGauge(CohortCases cases, MeterRegistry registry) {
        return new CaseStageGauge(cases, registry);
    }

    @Bean
    PeriodicTask caseStageRecount(CaseStageGauge gauge,
                                  @Value("${platform.ops.cases-interval:PT10S}") Duration interval) {
        return new PeriodicTask("platform-cases-recount", interval, gauge::recount);
    }

    @Bean
    OpsDashboard opsDashboard(@Value("${platform.ops.sources}") List<String> sources,
                              @Value("${platform.ops.scrape-timeout:PT3S}") Duration timeout,
                              @Value("${platform.ops.min-scrape-interval:PT2S}") Duration minInterval) {
        return new OpsDashboard(new MetricScraper(sources, timeout), OpsPanel.standard(), minInterval,
                Clock.systemUTC());
    }
}
