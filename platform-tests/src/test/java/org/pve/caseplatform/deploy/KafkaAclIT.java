package org.pve.caseplatform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pve.caseplatform.deploy.KafkaProbes.failureOf;
import static org.pve.caseplatform.deploy.KafkaProbes.pollFailure;
import static org.pve.caseplatform.deploy.KafkaProbes.readKeys;
import static org.pve.caseplatform.deploy.KafkaProbes.sendFailure;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.kafka.TopicProvisioner;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.sharding.ShardingSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The production Kafka confinement, proven on a real broker: the broker runs with the security settings of the kafka
 * service in docker-compose.yml (SASL/SCRAM-SHA-512, StandardAuthorizer, deny unless granted, two super users); the
 * SCRAM users and the grants of deploy/kafka/acls.csv are created with the Admin API as kafka-init creates them; the
 * services connect with the Kafka client settings that compose gives them, bound the way Spring Boot binds them.
 */
class KafkaAclIT {

    private static final Path REPO = Path.of(System.getProperty("platform.repo.dir", "..")).toAbsolutePath();
    private static final String EGRESS = "integration.cases.egress.";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SERVICES =
            List.of("referral-service", "assessment-service", "plan-service", "audit-service");

    @TempDir
    static Path logDir;

    private static final Map<String, String> variables = new LinkedHashMap<>();
    private static ComposeFile compose;
    private static KafkaAcls acls;
    private static ComposeKafkaBroker broker;

    @BeforeAll
    static void startTheProductionBrokerWithItsGrants() throws Exception {
        variables.putAll(ComposeFile.envFile(REPO.resolve("deploy/env.example")));
        variables.replaceAll((name, value) -> name.startsWith("KAFKA_") && name.contains("PASSWORD")
                ? randomPassword() : value);
        compose = ComposeFile.read(REPO.resolve("docker-compose.yml"), variables);
        acls = KafkaAcls.read(REPO.resolve("deploy/kafka/acls.csv"));
        broker = ComposeKafkaBroker.start(compose, logDir, variables.get("KAFKA_BROKER_PASSWORD"),
                variables.get("KAFKA_ADMIN_PASSWORD"));
        try (Admin admin = broker.superUser()) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            for (String user : acls.users()) {
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwordOf(user)));
            }
            admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls.grants()).all().get(30, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.ASSESSMENT_EVENTS, Topics.PLAN_EVENTS,
                    Topics.ACCESS_LOG, Topics.INBOUND_REFERRALS, Topics.INBOUND_REFERRALS_DLT,
                    EGRESS + "dk-fyn", EGRESS + "fr-01", EGRESS + "de-by-muenchen")) {
                topics.add(new NewTopic(topic, 1, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBrokerDeniesWhatIsNotGrantedAndTrustsOnlyTheBrokerAndKafkaAdmin() {
        assertThat(broker.properties())
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:broker;User:kafka-admin")
                .containsEntry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512");
    }

    @Test
    void eachServiceGetsItsOwnScramLoginFromTheComposeEnvironment() {
        for (String service : SERVICES) {
            assertThat(settingsOf(service).client())
                    .containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule"
                            + " required username=\"" + service + "\" password=\"" + passwordOf(service) + "\";");
        }
    }

    @Test
    void everyServiceFindsTheDomainTopicsAtStartWithoutNeedingToCreateAny() {
        for (String service : SERVICES) {
            new TopicProvisioner(settingsOf(service)).ensureDomainTopics(Duration.ofSeconds(20));
        }
    }

    @Test
    void referralServiceWritesItsOwnEventsButNotThoseOfThePlanService() {
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(settingsOf("referral-service").producerProperties())) {
            assertThat(sendFailure(producer, Topics.REFERRAL_EVENTS)).isNull();
            assertThat(sendFailure(producer, Topics.PLAN_EVENTS)).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void referralServiceKeepsTheShortRetentionOfTheInboundTopicsInForce() throws Exception {
        try (Admin admin = Admin.create(settingsOf("referral-service").adminProperties())) {
            for (String topic : List.of(Topics.INBOUND_REFERRALS, Topics.INBOUND_REFERRALS_DLT)) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                        List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "259200000"),
                                AlterConfigOp.OpType.SET)))).all().get(15, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void referralServiceDeletesTheInboundRecordsItHasTakenButNeverDomainEvents() {
        try (Admin admin = Admin.create(settingsOf("referral-service").adminProperties())) {
            assertThat(failureOf(admin.deleteRecords(Map.of(new TopicPartition(Topics.INBOUND_REFERRALS, 0),
                    RecordsToDelete.beforeOffset(0))).all())).isNull();
            assertThat(failureOf(admin.deleteRecords(Map.of(new TopicPartition(Topics.REFERRAL_EVENTS, 0),
                    RecordsToDelete.beforeOffset(0))).all())).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void auditServiceCreatesTheEgressTopicOfADistrictThatHasNoneAndNoOtherTopic() {
        try (Admin admin = Admin.create(settingsOf("audit-service").adminProperties())) {
            assertThat(failureOf(admin.createTopics(List.of(new NewTopic(EGRESS + "uk-luton", 1, (short) 1)))
                    .all())).isNull();
            assertThat(failureOf(admin.createTopics(List.of(new NewTopic("case.audit.events", 1, (short) 1)))
                    .all())).isInstanceOf(TopicAuthorizationException.class);
        }

        assertThat(pollFailure(municipalConsumer("dk-fyn"), EGRESS + "uk-luton"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceConsumesOnlyInConsumerGroupsNamedAfterItself() {
        Properties ownGroup = settingsOf("assessment-service").consumerProperties("assessment-service.referral-events");
        Properties othersGroup = settingsOf("assessment-service").consumerProperties("plan-service.assessment-events");

        assertThat(pollFailure(ownGroup, Topics.REFERRAL_EVENTS)).isNull();
        assertThat(pollFailure(othersGroup, Topics.REFERRAL_EVENTS)).isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void anInstancePinnedToADistrictShardConsumesInItsShardsGroupUnderTheServicesGrant() {
        DistrictShard danish = DistrictShard.of(shardingOf("assessment-service-dk"), DistrictDirectory.load());
        Properties shardGroup = settingsOf("assessment-service-dk")
                .consumerProperties(danish.groupId("assessment-service.referral-events"));

        assertThat(shardGroup.getProperty(ConsumerConfig.GROUP_ID_CONFIG))
                .isEqualTo("assessment-service.referral-events.dk");
        assertThat(pollFailure(shardGroup, Topics.REFERRAL_EVENTS)).isNull();
    }

    @Test
    void theMunicipalSystemOfDkFynReadsItsDistrictsEgressAndNothingElse() {
        String caseId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> audit =
                     new KafkaProducer<>(settingsOf("audit-service").producerProperties())) {
            assertThat(sendFailure(audit, EGRESS + "dk-fyn", caseId)).isNull();
            assertThat(sendFailure(audit, EGRESS + "fr-01", caseId)).isNull();
        }

        Properties municipal = municipalConsumer("dk-fyn");
        assertThat(readKeys(municipal, EGRESS + "dk-fyn", caseId)).contains(caseId);
        assertThat(pollFailure(municipal, EGRESS + "fr-01")).isInstanceOf(TopicAuthorizationException.class);
        assertThat(pollFailure(municipal, Topics.REFERRAL_EVENTS)).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theMunicipalSystemOfDkFynSendsReferralsToTheInboundTopicOnly() {
        Properties municipal = broker.clientProperties("municipal-dk-fyn", passwordOf("municipal-dk-fyn"));
        municipal.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        municipal.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        municipal.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        String reference = "ext-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(municipal)) {
            assertThat(sendFailure(producer, Topics.INBOUND_REFERRALS, reference)).isNull();
            assertThat(sendFailure(producer, Topics.REFERRAL_EVENTS)).isInstanceOf(TopicAuthorizationException.class);
        }

        Properties referralService = settingsOf("referral-service").consumerProperties("referral-service.inbound");
        assertThat(readKeys(referralService, Topics.INBOUND_REFERRALS, reference)).contains(reference);
    }

    @Test
    void aClientWithTheWrongPasswordIsRefusedAtLogin() {
        Properties intruder = broker.clientProperties("municipal-dk-fyn", "not-the-password");
        try (Admin admin = Admin.create(intruder)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** The Kafka settings the service binds from its compose environment, pointed at the test broker. */
    private static KafkaSettings settingsOf(String service) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new LinkedHashMap<>(compose.environment(service)));
        KafkaSettings bound = new Binder(ConfigurationPropertySources.from(environment))
                .bind("platform.kafka", KafkaSettings.class)
                .orElseThrow(() -> new AssertionError("no platform.kafka settings for " + service));
        return new KafkaSettings(broker.bootstrapServers(), 1, (short) 1, service, bound.client());
    }

    /** The district shards the service binds from its compose environment. */
    private static ShardingSettings shardingOf(String service) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new LinkedHashMap<>(compose.environment(service)));
        return new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("platform.sharding", ShardingSettings.class);
    }

    private static String passwordOf(String user) {
        String variable = "KAFKA_PASSWORD_" + user.toUpperCase().replace('-', '_').replace('.', '_');
        String password = variables.get(variable);
        if (password == null) {
            throw new AssertionError(variable + " (password of " + user + ") is not in deploy/env.example");
        }
        return password;
    }

    private static Properties municipalConsumer(String district) {
        String user = "municipal-" + district;
        Properties props = broker.clientProperties(user, passwordOf(user));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, user + ".cases");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
