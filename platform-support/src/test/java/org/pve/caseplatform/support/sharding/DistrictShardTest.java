package org.pve.caseplatform.support.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.reference.DistrictDirectory;

class DistrictShardTest {

    private static final DistrictDirectory DIRECTORY = DistrictDirectory.load();
    private static final Map<String, List<String>> SHARDS = Map.of(
            "dk", List.of("dk-fyn", "dk-koebenhavn"),
            "paris", List.of("fr-75"));

    @Test
    void aPinnedInstanceWorksForItsShardsDistrictsOnlyInAGroupOfItsShard() {
        DistrictShard dk = DistrictShard.of(new ShardingSettings(SHARDS, "dk"), DIRECTORY);

        assertThat(dk.isPinned()).isTrue();
        assertThat(dk.name()).isEqualTo("dk");
        assertThat(List.of("dk-fyn", "dk-koebenhavn")).allMatch(dk::handles);
        assertThat(List.of("fr-75", "uk-luton", "dk-bornholm", "")).noneMatch(dk::handles);
        assertThat(dk.handles((String) null)).as("no district: the general shard's").isFalse();
        assertThat(dk.groupId("assessment-service.referral-events"))
                .isEqualTo("assessment-service.referral-events.dk");
    }

    @Test
    void anUnpinnedInstanceWorksForEveryDistrictNoShardNamesAndKeepsTheServicesGroup() {
        DistrictShard general = DistrictShard.of(new ShardingSettings(SHARDS, " "), DIRECTORY);

        assertThat(general.isPinned()).isFalse();
        assertThat(general.name()).isEqualTo(DistrictShard.GENERAL);
        assertThat(List.of("uk-luton", "dk-bornholm", "fr-01")).allMatch(general::handles);
        assertThat(general.handles((String) null)).as("no district: handled rather than lost").isTrue();
        assertThat(List.of("dk-fyn", "dk-koebenhavn", "fr-75")).noneMatch(general::handles);
        assertThat(general.groupId("audit-service.ledger")).isEqualTo("audit-service.ledger");
    }

    @Test
    void withoutShardsAnInstanceWorksForEverything() {
        DistrictShard everything = DistrictShard.of(new ShardingSettings(null, null), DIRECTORY);

        assertThat(DIRECTORY.all()).allMatch(district -> everything.handles(district.districtId()));
        assertThat(everything.filter("districtId")).isEmpty();
        assertThat(DistrictShard.everything().handles("fr-75")).isTrue();
    }

    @Test
    void aConsumerThatMustSeeWholePartitionsIsNeverPinned() {
        DistrictShard dk = DistrictShard.of(new ShardingSettings(SHARDS, "dk", List.of("audit-ledger")), DIRECTORY);

        assertThat(dk.forConsumer("audit-cohorts")).isSameAs(dk);
        DistrictShard ledger = dk.forConsumer("audit-ledger");
        assertThat(ledger.isPinned()).isFalse();
        assertThat(ledger.handles("fr-75")).isTrue();
        assertThat(ledger.handles("dk-fyn")).isTrue();
        assertThat(ledger.groupId("audit-service.ledger")).isEqualTo("audit-service.ledger");
    }

    @Test
    void aRecordIsJudgedByItsDistrictHeader() {
        DistrictShard dk = DistrictShard.of(new ShardingSettings(SHARDS, "dk"), DIRECTORY);
        DistrictShard general = DistrictShard.of(new ShardingSettings(SHARDS, null), DIRECTORY);
        RecordHeaders fyn = new RecordHeaders();
        fyn.add(EventHeaders.DISTRICT_ID, "dk-fyn".getBytes(StandardCharsets.UTF_8));
        RecordHeaders none = new RecordHeaders();

        assertThat(dk.handles(fyn)).isTrue();
        assertThat(general.handles(fyn)).isFalse();
        assertThat(dk.handles(none)).isFalse();
        assertThat(general.handles(none)).isTrue();
    }

    @Test
    void anUnknownDistrictRefusesTheMapNamingTheSetting() {
        ShardingSettings settings = new ShardingSettings(Map.of("dk", List.of("dk-fyn", "dk-atlantis")), null);

        assertThatThrownBy(() -> DistrictShard.of(settings, DIRECTORY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("platform.sharding.shards.dk names the unknown district 'dk-atlantis'"
                        + " (see reference/districts.csv)");
    }

    @Test
    void aDistrictInTwoShardsRefusesTheMap() {
        ShardingSettings settings = new ShardingSettings(
                Map.of("dk", List.of("dk-fyn", "dk-koebenhavn"), "islands", List.of("dk-bornholm", "dk-fyn")), "dk");

        assertThatThrownBy(() -> DistrictShard.of(settings, DIRECTORY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("district 'dk-fyn' is in two shards of platform.sharding.shards: ")
                .hasMessageContaining("dk").hasMessageContaining("islands");
    }

    @Test
    void aPinToAShardTheMapLacksIsRefused() {
        assertThatThrownBy(() -> DistrictShard.of(new ShardingSettings(SHARDS, "de"), DIRECTORY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("platform.sharding.shard=de names no shard of platform.sharding.shards"
                        + " (there are: [dk, paris])");
    }

    @Test
    void anEmptyShardOrAnUnfitNameIsRefused() {
        assertThatThrownBy(() -> DistrictShard.of(new ShardingSettings(Map.of("dk", List.of()), null), DIRECTORY))
                .hasMessage("platform.sharding.shards.dk names no district");
        assertThatThrownBy(() -> DistrictShard.of(
                new ShardingSettings(Map.of("general", List.of("dk-fyn")), null), DIRECTORY))
                .hasMessageContaining("not 'general'");
        assertThatThrownBy(() -> DistrictShard.of(
                new ShardingSettings(Map.of("DK.1", List.of("dk-fyn")), null), DIRECTORY))
                .hasMessageStartingWith("platform.sharding.shards.DK.1: a shard is named in lower-case letters");
    }
}
