package org.pve.caseplatform.support.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The shard map as Spring binds it: a wrong one stops the start with its reason; a right one shows the shard. */
class ShardingConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShardingConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aPinnedInstanceStartsWithItsShardAndShowsItInTheInfoGauge() {
        contexts.withPropertyValues("platform.sharding.shards.dk=dk-fyn,dk-koebenhavn",
                        "platform.sharding.shards.paris=fr-75", "platform.sharding.shard=dk")
                .run(context -> {
                    DistrictShard shard = context.getBean(DistrictShard.class);
                    assertThat(shard.districts()).containsExactlyInAnyOrder("dk-fyn", "dk-koebenhavn");
                    assertThat(context.getBean(MeterRegistry.class).get(PlatformMetrics.SHARD_INFO)
                            .tag("shard", "dk").gauge().value()).isEqualTo(1.0);
                });
    }

    @Test
    void anUnpinnedInstanceIsTheGeneralShard() {
        contexts.withPropertyValues("platform.sharding.shards.dk=dk-fyn").run(context -> {
            assertThat(context.getBean(DistrictShard.class).handles("dk-fyn")).isFalse();
            assertThat(context.getBean(MeterRegistry.class).get(PlatformMetrics.SHARD_INFO)
                    .tag("shard", DistrictShard.GENERAL).gauge().value()).isEqualTo(1.0);
        });
    }

    @Test
    void anUnknownDistrictStopsTheStartWithTheReason() {
        contexts.withPropertyValues("platform.sharding.shards.dk=dk-fyn,dk-atlantis").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessage("platform.sharding.shards.dk names the unknown district 'dk-atlantis'"
                                + " (see reference/districts.csv)"));
    }

    @Test
    void aDistrictInTwoShardsStopsTheStartWithTheReason() {
        contexts.withPropertyValues("platform.sharding.shards.dk=dk-fyn,dk-koebenhavn",
                "platform.sharding.shards.islands=dk-bornholm,dk-fyn").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageStartingWith("district 'dk-fyn' is in two shards of platform.sharding.shards"));
    }
}
