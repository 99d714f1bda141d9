package org.pve.caseplatform.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka broker in this JVM configured as the production compose file configures the apache/kafka image: every
 * {@code KAFKA_*} variable of the kafka service becomes a broker property by the image's rule ({@code ___} is '-',
 * {@code __} is '_', {@code _} is '.'), so listeners, SASL, JAAS, authorizer and super users are the deployment's own.
 * Only addresses and the log dir are local. The log dir is formatted with the SCRAM credentials of the broker and
 * kafka-admin, as deploy/kafka/kafka-start.sh formats it.
 */
final class ComposeKafkaBroker implements AutoCloseable {

    static final String BROKER = "broker";
    static final String ADMIN = "kafka-admin";
    private static final String HOST = "127.0.0.1";
    /** What the image does not turn into broker properties (JVM and logging options). */
    private static final Set<String> NOT_PROPERTIES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_HOSTNAME",
            "KAFKA_LOG4J_LOGGERS", "KAFKA_LOG4J_ROOT_LOGLEVEL", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_VERSION");

    private final Map<String, String> properties;
    private final int port;
    private final KafkaRaftServer server;
    private final String adminPassword;

    private ComposeKafkaBroker(Map<String, String> properties, int port, KafkaRaftServer server,
                               String adminPassword) {
        this.properties = properties;
        this.port = port;
        this.server = server;
        this.adminPassword = adminPassword;
    }

    /** Starts the broker of the compose file's kafka service; returns once kafka-admin can describe the cluster. */
    static ComposeKafkaBroker start(ComposeFile compose, Path logDir, String brokerPassword, String adminPassword) {
        int port = freePort();
        int controllerPort = freePort();
        Map<String, String> properties = brokerProperties(compose.environment("kafka"));
        properties.put("listeners", "CLIENT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "CLIENT://" + HOST + ":" + port);
        properties.put("controller.quorum.voters", properties.get("node.id") + "@" + HOST + ":" + controllerPort);
        properties.put("log.dirs", logDir.toString());
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        format(properties, logDir, brokerPassword, adminPassword);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        server.startup();
        ComposeKafkaBroker broker = new ComposeKafkaBroker(properties, port, server, adminPassword);
        try (Admin admin = broker.admin(ADMIN, adminPassword)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(60_000)).nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException("the broker did not answer kafka-admin", e);
        }
        return broker;
    }

    static Map<String, String> brokerProperties(Map<String, String> environment) {
        Map<String, String> properties = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_PROPERTIES.contains(name)) {
                properties.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                        .replace("_", ".").replace("...", "-").replace("..", "_"), value);
            }
        });
        return properties;
    }

    private static void format(Map<String, String> properties, Path logDir, String brokerPassword,
                               String adminPassword) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(Integer.parseInt(properties.get("node.id")))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(properties.get("controller.listener.names"))
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setScramArguments(List.of(
                            "SCRAM-SHA-512=[name=" + BROKER + ",password=" + brokerPassword + "]",
                            "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + adminPassword + "]"))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logDir, e);
        }
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker's effective settings as taken from the compose file (and the local addresses). */
    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** Client settings of a SCRAM user, as a municipal system or kafka-init would have them. */
    Properties clientProperties(String user, String password) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        props.put("request.timeout.ms", "10000");
        props.put("default.api.timeout.ms", "15000");
        return props;
    }

    Admin admin(String user, String password) {
        return Admin.create(clientProperties(user, password));
    }

    Admin superUser() {
        return admin(ADMIN, adminPassword);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
