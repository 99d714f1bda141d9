package org.pve.caseplatform.audit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.sharding.ShardingSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The ledger chains every record of a partition (HashChains), so the service's own settings keep it out of district
 * shards (ADR 0010): on an instance pinned to a shard, the ledger still handles every district, in its own group.
 */
class LedgerShardingTest {

    @Test
    void aPinnedAuditInstanceKeepsItsLedgerOnEveryRecordAndPinsTheOtherConsumers() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        ShardingSettings own = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("platform.sharding", ShardingSettings.class);
        ShardingSettings pinned = new ShardingSettings(Map.of("dk", List.of("dk-fyn")), "dk",
                own.wholePartitionConsumers());
        DistrictShard shard = DistrictShard.of(pinned, DistrictDirectory.load());

        DistrictShard ledger = shard.forConsumer(LedgerConfiguration.PROCESSOR);
        assertThat(ledger.handles("fr-75")).isTrue();
        assertThat(ledger.groupId(LedgerConfiguration.CONSUMER_GROUP)).isEqualTo(LedgerConfiguration.CONSUMER_GROUP);
        assertThat(shard.forConsumer(CohortConfiguration.PROCESSOR).handles("fr-75")).isFalse();
        assertThat(shard.forConsumer(EgressConfiguration.PROCESSOR).groupId(EgressConfiguration.CONSUMER_GROUP))
                .isEqualTo(EgressConfiguration.CONSUMER_GROUP + ".dk");
    }
}
