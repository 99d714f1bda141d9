package org.pve.caseplatform.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pve.caseplatform.contract.Topics;

/**
 * The load of the fault tests: referral-only cases sent on the inbound topic as a municipal system does, one per
 * district across the platform's districts, and lifecycles driven over HTTP (cleared only, formulation agreed, or
 * closed after a commission delivered in full) in the districts where a full lifecycle runs, a few at a time. Every
 * invented person is spelled from a number of the run, so no two referrals are about the same person.
 */
final class FaultLoad implements AutoCloseable {

    /** The districts where the e2e personas and the mentoring provider make a full lifecycle possible. */
    static final List<String> LIFECYCLE_DISTRICTS = List.of("de-by-muenchen", "dk-fyn", "dk-nordjylland",
            "uk-luton");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "su", "te", "vi", "no", "pe", "da"};

    /** How far a lifecycle goes. */
    enum Depth { CLEARED, AGREED, CLOSED }

    /** A case the load drove, and how far. */
    record Lifecycle(String caseId, String districtId, Depth depth) {
    }

    private final SecuredPlatform platform;
    private final String runId;
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final AtomicLong numbers = new AtomicLong(100);
    private final List<String> inboundReferences = new ArrayList<>();

    FaultLoad(SecuredPlatform platform, String runId) {
        this.platform = platform;
        this.runId = runId;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.launcher().broker().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends one inbound referral per district, keyed by its external reference as the contract asks. */
    synchronized void referInbound(List<String> districts) {
        for (String district : districts) {
            long number = numbers.incrementAndGet();
            String reference = "fault-" + runId + "-" + number;
            producer.send(new ProducerRecord<>(Topics.INBOUND_REFERRALS, reference, write(inbound(number, district,
                    reference))));
            inboundReferences.add(reference);
        }
        producer.flush();
    }

    /** The external references of every inbound referral sent so far. */
    synchronized List<String> inboundReferences() {
        return List.copyOf(inboundReferences);
    }

    /** Starts {@code count} lifecycles round the lifecycle districts, cycling through the depths. */
    List<CompletableFuture<Lifecycle>> lifecycles(int count) {
        return lifecycles(count, List.of(platform.assessment()));
    }

    /** The same, their assessment steps sent to the assessment-service instances in turn (base URLs). */
    List<CompletableFuture<Lifecycle>> lifecycles(int count, List<String> assessmentInstances) {
        List<CompletableFuture<Lifecycle>> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String district = LIFECYCLE_DISTRICTS.get(i % LIFECYCLE_DISTRICTS.size());
            Depth depth = Depth.values()[(i / LIFECYCLE_DISTRICTS.size()) % Depth.values().length];
            CaseDriver driver = new CaseDriver(platform, assessmentInstances.get(i % assessmentInstances.size()));
            started.add(CompletableFuture.supplyAsync(() -> drive(driver, district, depth), workers));
        }
        return started;
    }

    /** Waits for lifecycles and returns them; fails with the first failure. */
    static List<Lifecycle> await(List<CompletableFuture<Lifecycle>> lifecycles) {
        return lifecycles.stream().map(CompletableFuture::join).toList();
    }

    private Lifecycle drive(CaseDriver driver, String district, Depth depth) {
        long number = numbers.incrementAndGet();
        CaseDriver.Referred referred = driver.refer(district, new CaseDriver.Subject(capitalised(spelled(number)),
                "Faultlund" + spelled(number * 7 + 3) + "-" + runId, birthday(number),
                "Shares extremist material with classmates (invented)"));
        driver.client().expect(200, driver.clear(referred.referralId()));
        if (depth != Depth.CLEARED) {
            driver.agreeFormulation(referred.caseId(), district);
        }
        if (depth == Depth.CLOSED) {
            driver.deliverAndClose(referred.caseId(), district);
        }
        return new Lifecycle(referred.caseId(), district, depth);
    }

    private Map<String, Object> inbound(long number, String district, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "INTEGRATION");
        body.put("referrerAgency", "SOCIAL_SERVICES");
        body.put("districtId", district);
        body.put("municipalityId", "0461");
        body.put("subject", Map.of("givenNames", capitalised(spelled(number)), "familyName",
                "Faultberg" + spelled(number * 3 + 1) + "-" + runId, "dateOfBirth", birthday(number)));
        body.put("ageBand", "16_17");
        body.put("concernCategories", List.of("FAR_RIGHT"));
        body.put("concernSummary", "Invented fault-test text: shares extremist material in class chats.");
        body.put("externalReference", reference);
        return body;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String birthday(long number) {
        return LocalDate.of(2007, 1, 1).plusDays(number % 1500).toString();
    }

    private static String spelled(long number) {
        StringBuilder name = new StringBuilder();
        for (char digit : Long.toString(Math.abs(number)).toCharArray()) {
            name.append(SYLLABLES[digit - '0']);
        }
        return name.toString();
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
