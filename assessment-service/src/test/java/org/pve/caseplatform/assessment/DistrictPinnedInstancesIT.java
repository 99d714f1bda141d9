package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.kafka.KafkaSettings;
import org.pve.caseplatform.support.metrics.PlatformMetrics;
import org.pve.caseplatform.support.sharding.DistrictShard;
import org.pve.caseplatform.support.testing.Await;
import org.pve.caseplatform.support.testing.MovableClock;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of assessment-service on one database (ADR 0010): one pinned to the Danish shard, one unpinned. Each
 * opens the assessments of its own districts only and, once their clock has passed every deadline, fires only their
 * deadlines; together, every case exactly once.
 */
class DistrictPinnedInstancesIT {

    private static final String EVENTS = "org.pve.caseplatform.contract.assessment.";
    private static final List<String> DANISH = List.of("dk-nordjylland", "dk-oestjylland", "dk-midt-vestjylland",
            "dk-sydoestjylland", "dk-syd-soenderjylland", "dk-fyn", "dk-sydsjaelland-lolland-falster",
            "dk-midt-vestsjaelland", "dk-nordsjaelland", "dk-koebenhavns-vestegn", "dk-koebenhavn", "dk-bornholm");
    private static final List<String> PINNED_DISTRICTS = List.of("dk-bornholm", "dk-sydoestjylland");
    private static final List<String> GENERAL_DISTRICTS = List.of("fr-2a", "de-by-oberpfalz");
    private static final MovableClock CLOCK = new MovableClock();

    @Test
    void aPinnedInstanceHandlesOnlyItsDistrictsAndTheGeneralOneTheOthers() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        TestInfrastructure.register((name, value) -> settings.put(name, String.valueOf(value.get())),
                "assessment-shards");
        settings.put("platform.assessment.deadline-poll-interval", "200ms");
        settings.put("platform.sharding.shards.dk", String.join(",", DANISH));
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongo().connectionString());
             ConfigurableApplicationContext pinned = start(settings, "dk");
             ConfigurableApplicationContext general = start(settings, null);
             KafkaProducer<String, String> producer = new KafkaProducer<>(new KafkaSettings(
                     TestInfrastructure.kafka().bootstrapServers(), null, null, "shards-it").producerProperties())) {
            assertThat(pinned.getBean(DistrictShard.class).name()).isEqualTo("dk");
            assertThat(general.getBean(DistrictShard.class).name()).isEqualTo(DistrictShard.GENERAL);
            MongoDatabase database = mongo.getDatabase(settings.get("spring.data.mongodb.database"));
            List<UUID> cases = new ArrayList<>();
            for (String district : concat(PINNED_DISTRICTS, GENERAL_DISTRICTS)) {
                for (int i = 0; i < 2; i++) {
                    cases.add(clear(producer, district));
                }
            }

            Await.until(() -> cases.stream().allMatch(caseId -> events(database, caseId, "AssessmentOpened") > 0),
                    Duration.ofSeconds(60));
            CLOCK.advance(Duration.ofDays(40)); // past every district's assessment_due_days
            Await.until(() -> cases.stream().allMatch(caseId -> events(database, caseId, "AssessmentOverdue") > 0),
                    Duration.ofSeconds(60));
            assertThat(cases).allMatch(caseId -> events(database, caseId, "AssessmentOpened") == 1
                    && events(database, caseId, "AssessmentOverdue") == 1);
            assertThat(districts(pinned, PlatformMetrics.EVENTS_CONSUMED)).containsAll(PINNED_DISTRICTS)
                    .allMatch(DANISH::contains);
            assertThat(districts(general, PlatformMetrics.EVENTS_CONSUMED)).containsAll(GENERAL_DISTRICTS)
                    .noneMatch(DANISH::contains);
            assertThat(districts(pinned, PlatformMetrics.DEADLINES_FIRED)).containsAll(PINNED_DISTRICTS)
                    .allMatch(DANISH::contains);
            assertThat(districts(general, PlatformMetrics.DEADLINES_FIRED)).containsAll(GENERAL_DISTRICTS)
                    .noneMatch(DANISH::contains);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings, String shard) {
        List<String> args = new ArrayList<>(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toList());
        if (shard != null) {
            args.add("--platform.sharding.shard=" + shard);
        }
        return new SpringApplicationBuilder(AssessmentServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .run(args.toArray(String[]::new));
    }

    private static UUID clear(KafkaProducer<String, String> producer, String district) throws Exception {
        UUID caseId = UUID.randomUUID();
        SecurityScreenCleared cleared = new SecurityScreenCleared(caseId, district, Instant.now(), UUID.randomUUID(),
                "sub-it-shard-" + caseId, "screener-invented", "no security concern (invented)");
        producer.send(CatalogueRecords.of(cleared, UUID.randomUUID().toString(), cleared.referralId().toString(),
                null)).get();
        return caseId;
    }

    /** The districts an instance counted on the counter (events consumed, deadlines fired) with a non-zero count. */
    private static Set<String> districts(ConfigurableApplicationContext instance, String counter) {
        return instance.getBean(MeterRegistry.class).find(counter).counters().stream()
                .filter(found -> found.count() > 0).map(found -> found.getId().getTag("district"))
                .collect(Collectors.toSet());
    }

    private static long events(MongoDatabase database, UUID caseId, String type) {
        return database.getCollection("domainevents").countDocuments(Filters.and(
                Filters.eq("aggregateIdentifier", caseId.toString()), Filters.eq("payloadType", EVENTS + type)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
