package org.pve.caseplatform.support.sharding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The district shards of a service ({@code platform.sharding.*}, ADR 0010), the same map on every instance of the
 * service.
 *
 * @param shards the named shards and their districts ({@code platform.sharding.shards.dk=dk-fyn,dk-koebenhavn}); a
 *               district belongs to one shard at most, every district named in none is the general shard's
 * @param shard  the shard this instance is pinned to, or empty for the general shard
 * @param wholePartitionConsumers consumers (by processor name) that must see every record of the partitions they
 *                                hold, whatever its district, such as audit-service's ledger, whose hash chains
 *                                run through each partition's offsets: never pinned, on a pinned instance they
 *                                share the general group's partitions; a service's own setting
 */
@ConfigurationProperties("platform.sharding")
public record ShardingSettings(Map<String, List<String>> shards, String shard, List<String> wholePartitionConsumers) {

    public ShardingSettings(Map<String, List<String>> shards, String shard) {
        this(shards, shard, List.of());
    }

    /** Districts as written, without the blanks a folded list in YAML or an environment variable may leave. */
    @ConstructorBinding
    public ShardingSettings {
        Map<String, List<String>> trimmed = new LinkedHashMap<>();
        if (shards != null) {
            shards.forEach((name, districts) -> trimmed.put(name, districts == null ? List.of()
                    : districts.stream().map(String::strip).filter(district -> !district.isEmpty()).toList()));
        }
        shards = Map.copyOf(trimmed);
        wholePartitionConsumers = wholePartitionConsumers == null ? List.of() : List.copyOf(wholePartitionConsumers);
        shard = shard == null || shard.isBlank() ? null : shard.strip();
    }
}
