package org.pve.caseplatform.support.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.sharding.ShardingSettings;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Each instance polls the deadlines of its own shard (ADR 0010), against a MongoDB-wire server: a pinned instance
 * its districts' only; an unpinned one the rest, with those that name no district; together, every due deadline once.
 */
class ShardedDeadlinesIT {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Map<String, List<String>> SHARDS = Map.of("dk", List.of("dk-fyn", "dk-koebenhavn"));
    private static final DistrictDirectory DIRECTORY = DistrictDirectory.load();

    private final MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    private final MongoCollection<Document> collection = client
            .getDatabase("sharded-deadlines-" + UUID.randomUUID().toString().substring(0, 8))
            .getCollection("deadlines");
    private final DeadlineStore store = new DeadlineStore(collection, new SimpleMeterRegistry(), deadline -> "test");

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aPinnedInstanceFiresOnlyItsDistrictsDeadlinesAndTheGeneralOneTheOthers() {
        store.schedule("fyn", "dk-fyn", NOW.minusSeconds(30), new Document());
        store.schedule("koebenhavn", "dk-koebenhavn", NOW.minusSeconds(20), new Document());
        store.schedule("luton", "uk-luton", NOW.minusSeconds(10), new Document());
        store.schedule("paris", "fr-75", NOW.minusSeconds(5), new Document());
        store.schedule("no-district", null, NOW.minusSeconds(3), new Document());
        collection.insertOne(new Document("_id", "before-districts").append("dueAtMillis", NOW.toEpochMilli() - 1)
                .append("fired", false));
        store.schedule("fyn-later", "dk-fyn", NOW.plusSeconds(60), new Document());
        DistrictShard dk = DistrictShard.of(new ShardingSettings(SHARDS, "dk"), DIRECTORY);
        DistrictShard general = DistrictShard.of(new ShardingSettings(SHARDS, null), DIRECTORY);

        assertThat(due(dk)).containsExactly("fyn", "koebenhavn");
        assertThat(due(general)).containsExactly("luton", "paris", "no-district", "before-districts");
        assertThat(due(DistrictShard.everything()))
                .containsExactly("fyn", "koebenhavn", "luton", "paris", "no-district", "before-districts");

        store.markFired("fyn", NOW);
        assertThat(due(dk)).containsExactly("koebenhavn");
    }

    private List<String> due(DistrictShard shard) {
        return store.due(NOW, shard, 10, document -> document.getString("_id"));
    }
}
