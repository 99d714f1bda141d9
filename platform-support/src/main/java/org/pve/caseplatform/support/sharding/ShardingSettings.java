package org.pve.caseplatform.support.sharding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district shards of a service ({@code platform.sharding.*}, ADR 0010), the same map on every instance of the
 * service.
 *
 * @param shards the named shards and their districts ({@code platform.sharding.shards.dk=dk-fyn,dk-koebenhavn}); a
 *               district belongs to one shard at most, every district named in none is the general shard's
 * @param shard  the shard this instance is pinned to, or empty for the general shard
 */
@ConfigurationProperties("platform.sharding")
public record ShardingSettings(Map<String, List<String>> shards, String shard) {

    /** Districts as written, without the blanks a folded list in YAML or an environment variable may leave. */
    public ShardingSettings {
        Map<String, List<String>> trimmed = new LinkedHashMap<>();
        if (shards != null) {
            shards.forEach((name, districts) -> trimmed.put(name, districts == null ? List.of()
                    : districts.stream().map(String::strip).filter(district -> !district.isEmpty()).toList()));
        }
        shards = Map.copyOf(trimmed);
        shard = shard == null || shard.isBlank() ? null : shard.strip();
    }
}
