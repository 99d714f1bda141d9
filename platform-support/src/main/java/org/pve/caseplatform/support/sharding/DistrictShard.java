package org.pve.caseplatform.support.sharding;

import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.bson.conversions.Bson;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * The districts one instance of a service works for (ADR 0010). A pinned instance works for the districts of its
 * named shard; an unpinned one for the general shard: every district no named shard claims, and whatever names no
 * district at all, so nothing falls between shards. The shards of a service never overlap, so each record and each
 * deadline belongs to exactly one shard; within a shard, the instances share the work through a consumer group of
 * the shard's own ({@link #groupId}).
 */
public final class DistrictShard {

    /** The name of the unpinned instances' shard, in logs and the {@code platform.shard.info} gauge. */
    public static final String GENERAL = "general";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final String name;
    private final Set<String> districts;
    private final boolean pinned;
    private final Set<String> wholePartitionConsumers;

    private DistrictShard(String name, Set<String> districts, boolean pinned, Collection<String> wholePartition) {
        this.name = name;
        this.districts = Set.copyOf(districts);
        this.pinned = pinned;
        this.wholePartitionConsumers = Set.copyOf(wholePartition);
    }

    /** The general shard of a service without named shards: every district. */
    public static DistrictShard everything() {
        return new DistrictShard(GENERAL, Set.of(), false, Set.of());
    }

    /**
     * The shard of this instance, after checking the map: every shard named in lower-case letters, digits and
     * dashes and not {@value #GENERAL}, holding known districts only, no district in two shards, and the pinned
     * shard one of them.
     *
     * @throws IllegalStateException naming the setting and what is wrong with it
     */
    public static DistrictShard of(ShardingSettings settings, DistrictDirectory directory) {
        Map<String, String> owners = new LinkedHashMap<>();
        new TreeMap<>(settings.shards()).forEach((shard, members) -> claim(shard, members, directory, owners));
        Set<String> claimed = owners.keySet();
        if (settings.shard() == null) {
            return new DistrictShard(GENERAL, claimed, false, settings.wholePartitionConsumers());
        }
        List<String> own = settings.shards().get(settings.shard());
        if (own == null) {
            throw new IllegalStateException("platform.sharding.shard=" + settings.shard()
                    + " names no shard of platform.sharding.shards (there are: " + new TreeSet<>(settings.shards()
                    .keySet()) + ")");
        }
        return new DistrictShard(settings.shard(), Set.copyOf(own), true, settings.wholePartitionConsumers());
    }

    private static void claim(String shard, Collection<String> members, DistrictDirectory directory,
                              Map<String, String> owners) {
        if (!NAME.matcher(shard).matches() || GENERAL.equals(shard)) {
            throw new IllegalStateException("platform.sharding.shards." + shard + ": a shard is named in lower-case"
                    + " letters, digits and dashes (at most 40), and not '" + GENERAL + "'");
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalStateException("platform.sharding.shards." + shard + " names no district");
        }
        for (String district : members) {
            if (directory.find(district).isEmpty()) {
                throw new IllegalStateException("platform.sharding.shards." + shard + " names the unknown district '"
                        + district + "' (see reference/districts.csv)");
            }
            String other = owners.putIfAbsent(district, shard);
            if (other != null) {
                throw new IllegalStateException("district '" + district + "' is in two shards of"
                        + " platform.sharding.shards: " + other + " and " + shard);
            }
        }
    }

    public String name() {
        return name;
    }

    public boolean isPinned() {
        return pinned;
    }

    /** A pinned shard's districts; for the general shard, the districts it does NOT work for. */
    public Set<String> districts() {
        return districts;
    }

    /** Whether this instance works for the district (null or blank: only the general shard does). */
    public boolean handles(String districtId) {
        boolean named = districtId != null && districts.contains(districtId);
        return pinned == named;
    }

    /** Whether this instance works for a record, by its {@code districtId} header alone (the value stays unread). */
    public boolean handles(Headers headers) {
        Header district = headers.lastHeader(EventHeaders.DISTRICT_ID);
        return handles(district == null ? null : new String(district.value(), StandardCharsets.UTF_8));
    }

    /**
     * The shard a consumer of this instance works in: this one, or every district for a consumer that must see every
     * record of its partitions ({@code platform.sharding.whole-partition-consumers}).
     */
    public DistrictShard forConsumer(String consumer) {
        return wholePartitionConsumers.contains(consumer) ? everything() : this;
    }

    /** The consumer group of this shard for a purpose: the purpose's own group for the general shard. */
    public String groupId(String group) {
        return pinned ? group + "." + name : group;
    }

    /** The documents, with their district in {@code field}, of this shard; empty when the shard is everything. */
    public Optional<Bson> filter(String field) {
        if (pinned) {
            return Optional.of(Filters.in(field, districts));
        }
        return districts.isEmpty() ? Optional.empty() : Optional.of(Filters.nin(field, districts));
    }

    /** For the start-up log: the shard's name and what it covers, never more than the district ids. */
    public String describe() {
        if (pinned) {
            return "shard " + name + " (districts " + new TreeSet<>(districts) + ")";
        }
        return districts.isEmpty() ? "shard " + GENERAL + " (every district)"
                : "shard " + GENERAL + " (every district but " + new TreeSet<>(districts) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
