package org.pve.caseplatform.support.sharding;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.web.WebConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The instance's {@link DistrictShard} (ADR 0010), checked against the district directory as the context starts (a
 * wrong map stops the start with a message naming the setting), logged once, and shown as the gauge
 * {@value PlatformMetrics#SHARD_INFO} = 1 with the shard's name.
 */
@AutoConfiguration(after = WebConfiguration.class)
@EnableConfigurationProperties(ShardingSettings.class)
public class ShardingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ShardingConfiguration.class);

    @Bean
    public DistrictShard districtShard(ShardingSettings settings, ObjectProvider<DistrictDirectory> directory,
                                       MeterRegistry registry,
                                       @Value("${spring.application.name:case-platform}") String service) {
        DistrictShard shard = DistrictShard.of(settings, directory.getIfAvailable(DistrictDirectory::load));
        log.info("{} works for {}; consumer groups {}", service, shard.describe(),
                shard.isPinned() ? "end in ." + shard.name() : "are the service's own");
        Gauge.builder(PlatformMetrics.SHARD_INFO, () -> 1)
                .description("1, labelled with the district shard this instance works for (ADR 0010)")
                .tag("shard", shard.name())
                .register(registry);
        return shard;
    }
}
