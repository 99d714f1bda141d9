package org.pve.caseplatform.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The raw rates of the same broker and MongoDB-wire server, with nothing of the platform in between: a plain Kafka
 * producer (acks=all, as the outbox relay) and plain driver inserts, one at a time and 100 at a time, of records and
 * documents about the size of one of the platform's events. They write to their own topic and database only.
 */
final class Baselines {

    static final int RECORD_BYTES = 1200;
    static final String TOPIC = "benchmark.baseline";
    static final String DATABASE = "benchmark_baseline";
    private static final int BATCH = 100;
    /** Records or documents written before the clock starts, uncounted. */
    private static final int WARM_UP = 500;

    private Baselines() {
    }

    static void measure(BenchPlatform platform, int records, Map<Figure, Double> figures, Console console) {
        figures.put(Figure.KAFKA_PRODUCER, kafka(platform.bootstrapServers(), records));
        console.step("baseline: plain Kafka producer %,.0f records/s (%,d records of %,d bytes)",
                figures.get(Figure.KAFKA_PRODUCER), records, RECORD_BYTES);
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            figures.put(Figure.INSERT_ONE, insertOne(database.getCollection("single"), Math.max(records / 4, 1)));
            console.step("baseline: plain insertOne %,.0f docs/s (%,d documents)", figures.get(Figure.INSERT_ONE),
                    Math.max(records / 4, 1));
            figures.put(Figure.INSERT_MANY, insertMany(database.getCollection("batched"), records));
            console.step("baseline: plain insertMany(%d) %,.0f docs/s (%,d documents)", BATCH,
                    figures.get(Figure.INSERT_MANY), records);
            database.drop();
        }
    }

    static double kafka(String bootstrapServers, int records) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + TOPIC, e);
        }
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        String value = "x".repeat(RECORD_BYTES);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producing, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < WARM_UP; i++) { // metadata, connections and the JIT first
                producer.send(new ProducerRecord<>(TOPIC, "warm-up", value));
            }
            producer.flush();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            return rate(records, started);
        }
    }

    static double insertOne(MongoCollection<Document> collection, int documents) {
        for (int i = 0; i < WARM_UP; i++) {
            collection.insertOne(document(-1));
        }
        long started = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            collection.insertOne(document(i));
        }
        return rate(documents, started);
    }

    static double insertMany(MongoCollection<Document> collection, int documents) {
        for (int i = 0; i < WARM_UP / BATCH; i++) {
            collection.insertMany(batch(BATCH));
        }
        long started = System.nanoTime();
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < documents; i++) {
            batch.add(document(i));
            if (batch.size() == BATCH || i == documents - 1) {
                collection.insertMany(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        return rate(documents, started);
    }

    private static List<Document> batch(int size) {
        List<Document> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(document(-1));
        }
        return batch;
    }

    /** A document shaped like a ledger entry, its data about the size of an event. */
    private static Document document(int number) {
        return new Document("_id", UUID.randomUUID().toString()).append("caseId", UUID.randomUUID().toString())
                .append("eventType", "BaselineRecorded").append("offset", (long) number)
                .append("occurredAt", new Date()).append("data", new Document("text", "x".repeat(RECORD_BYTES)));
    }

    private static double rate(long count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
