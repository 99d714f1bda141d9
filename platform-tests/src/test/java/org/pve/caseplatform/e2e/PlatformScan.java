package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.embedded.PlatformSecrets;
import org.pve.caseplatform.support.crypto.PersonalDataVault;

/**
 * Looks for a person everywhere the platform keeps anything: every MongoDB database and collection, every Kafka
 * topic (keys, values and headers, all partitions from the beginning) and the log files in the data dir. Text is
 * searched case-insensitively for each given term; JSON inside strings and binaries is opened, and every encrypted
 * field found on the way is collected, so that a test can try it against the key store with the master key.
 */
final class PlatformScan {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A term found: where, and which term. */
    record Finding(String where, String term) {
    }

    /** An encrypted field found, and where. */
    record Encrypted(String where, EncryptedValue value) {
    }

    /** What a scan found: the terms and the encrypted fields; for Kafka also how many records each topic held. */
    record Result(List<Finding> findings, List<Encrypted> encrypted, Map<String, Integer> recordsPerTopic) {
    }

    private final SecuredPlatform platform;
    private final List<String> terms;

    PlatformScan(SecuredPlatform platform, List<String> terms) {
        this.platform = platform;
        this.terms = terms.stream().map(term -> term.toLowerCase(Locale.ROOT)).toList();
    }

    Result mongo() {
        List<Finding> findings = new ArrayList<>();
        List<Encrypted> encrypted = new ArrayList<>();
        try (MongoClient client = MongoClients.create(platform.launcher().mongo().connectionString())) {
            for (String database : client.listDatabaseNames()) {
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    for (Document document : db.getCollection(collection).find()) {
                        String where = "mongo " + database + "." + collection + " _id=" + document.get("_id");
                        search(where, document.toJson(), findings);
                        walk(where, document, findings, encrypted);
                    }
                }
            }
        }
        return new Result(findings, encrypted, Map.of());
    }

    Result kafka() {
        List<Finding> findings = new ArrayList<>();
        List<Encrypted> encrypted = new ArrayList<>();
        Map<String, Integer> recordsPerTopic = new HashMap<>();
        String bootstrap = platform.launcher().broker().bootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics", e);
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-scan-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(20))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    recordsPerTopic.merge(record.topic(), 1, Integer::sum);
                    String where = "kafka " + record.topic() + "/" + record.partition() + "@" + record.offset();
                    text(where + " key", record.key(), findings, encrypted);
                    text(where + " value", record.value(), findings, encrypted);
                    for (Header header : record.headers()) {
                        text(where + " header " + header.key(), header.value(), findings, encrypted);
                    }
                }
            }
        }
        return new Result(findings, encrypted, recordsPerTopic);
    }

    /** The log files of the services and the issuer in the data dir's logs/. */
    List<Finding> logs() {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files(platform.dataDir().resolve("logs"))) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                search("log " + file.getFileName(), new String(bytes, StandardCharsets.UTF_8), findings);
                search("log " + file.getFileName(), new String(bytes, StandardCharsets.ISO_8859_1), findings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings.stream().distinct().toList();
    }

    /** The files under a directory whose raw bytes hold a term (storage the APIs no longer read, say). */
    List<Finding> rawFiles(Path dir) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files(dir)) {
            try {
                search("file " + platform.dataDir().relativize(file),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), findings);
            } catch (IOException e) {
                // a file the broker or server is rewriting right now: skipped
            }
        }
        return findings.stream().distinct().toList();
    }

    /** A vault over the launcher's key store with the data dir's master key, for decrypting only. */
    PersonalDataVault vault(MongoClient client) {
        String masterKey = PlatformSecrets.loadOrCreate(platform.dataDir()).get(PlatformSecrets.KEYSTORE_MASTERKEY);
        return new PersonalDataVault(client.getDatabase("keystore").getCollection("subjectKeys"),
                Base64.getDecoder().decode(masterKey), Clock.systemUTC());
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String where, byte[] bytes, List<Finding> findings, List<Encrypted> encrypted) {
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        search(where, text, findings);
        json(where, text, findings, encrypted);
    }

    private void walk(String where, Object value, List<Finding> findings, List<Encrypted> encrypted) {
        if (value instanceof Document document) {
            if (document.containsKey("ciphertext") && document.containsKey("keyRef")) {
                encrypted.add(new Encrypted(where, new EncryptedValue(document.getString("keyRef"),
                        document.getString("alg"), document.getString("iv"), document.getString("ciphertext"),
                        null)));
            }
            document.forEach((key, child) -> walk(where, child, findings, encrypted));
        } else if (value instanceof List<?> list) {
            list.forEach(child -> walk(where, child, findings, encrypted));
        } else if (value instanceof String text) {
            json(where, text, findings, encrypted);
        } else if (value instanceof Binary binary) {
            text(where + " (binary)", binary.getData(), findings, encrypted);
        } else if (value instanceof byte[] bytes) {
            text(where + " (bytes)", bytes, findings, encrypted);
        }
    }

    /** Opens JSON held in a string and collects the encrypted fields in it, at any depth. */
    private void json(String where, String text, List<Finding> findings, List<Encrypted> encrypted) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return;
        }
        try {
            collect(where, JSON.readTree(trimmed), findings, encrypted);
        } catch (IOException notJson) {
            // plain text, searched already
        }
    }

    private void collect(String where, JsonNode node, List<Finding> findings, List<Encrypted> encrypted) {
        if (node.isObject()) {
            if (node.has("ciphertext") && node.has("keyRef")) {
                encrypted.add(new Encrypted(where, new EncryptedValue(node.get("keyRef").asText(),
                        node.path("alg").asText(null), node.path("iv").asText(null),
                        node.get("ciphertext").asText(), null)));
            }
            node.forEach(child -> collect(where, child, findings, encrypted));
        } else if (node.isArray()) {
            node.forEach(child -> collect(where, child, findings, encrypted));
        } else if (node.isTextual()) {
            json(where, node.asText(), findings, encrypted);
        }
    }

    private void search(String where, String text, List<Finding> findings) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            if (lower.contains(term)) {
                findings.add(new Finding(where, term));
            }
        }
    }
}
