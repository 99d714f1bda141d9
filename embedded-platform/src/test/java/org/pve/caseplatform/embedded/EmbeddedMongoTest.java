package org.pve.caseplatform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void theFileBackendKeepsADocumentAcrossStopAndStart() {
        EmbeddedMongo first = EmbeddedMongo.persistent(dataDir, 0);
        first.start();
        try (MongoClient client = MongoClients.create(first.connectionString())) {
            cases(client).insertOne(new Document("_id", "case-1").append("district", "North"));
        } finally {
            first.stop();
        }

        EmbeddedMongo second = EmbeddedMongo.persistent(dataDir, 0);
        second.start();
        try (MongoClient client = MongoClients.create(second.connectionString())) {
            Document found = cases(client).find(Filters.eq("_id", "case-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("district")).isEqualTo("North");
        } finally {
            second.stop();
        }
        assertThat(dataDir.resolve(EmbeddedMongo.DATA_FILE)).exists();
    }

    @Test
    void inMemoryOnPortZeroServesOnAFreePortAndForgetsAtStop() {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
        assertThat(mongo.port()).isPositive();
        assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        assertThat(mongo.dataFile()).isEmpty();

        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            cases(client).insertOne(new Document("_id", "case-2"));
            assertThat(cases(client).countDocuments()).isEqualTo(1);
        } finally {
            mongo.stop();
        }
        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(cases(client).countDocuments()).isZero();
        } finally {
            mongo.stop();
        }
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("embedded-test").getCollection("cases");
    }
}
