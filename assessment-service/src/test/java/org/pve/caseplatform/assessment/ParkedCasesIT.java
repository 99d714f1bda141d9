package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A poison event in the running service: a SecurityScreenCleared that cannot be read parks its case in the
 * referral-events consumer while a case behind it on the same partition opens its assessment; an operator of the
 * case's district lists the parked case and retries it over HTTP (still parked: the record is still unreadable, the
 * reason says so); an operator of another district, other roles and callers without a token are refused.
 */
class ParkedCasesIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final String OPERATOR = TestTokens.bearer(Role.OPERATOR, Agency.POLICE, LUTON);
    private static final String OTHER_OPERATOR = TestTokens.bearer(Role.OPERATOR, Agency.POLICE, "dk-fyn");
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);

    @Test
    void aPoisonEventParksOnlyItsCaseAndAnOperatorOfItsDistrictListsAndRetriesIt() throws Exception {
        UUID poisoned = UUID.randomUUID();
        publishUnreadable(cleared(poisoned, LUTON, "sub-it-" + UUID.randomUUID()));
        SecurityScreenCleared healthy = cleared(UUID.randomUUID(), LUTON, "sub-it-" + UUID.randomUUID());
        publish(healthy, UUID.randomUUID().toString(), 0);

        awaitAssessment(healthy.caseId(), SOCIAL_WORKER);
        JsonNode parked = eventually(() -> find(get("/ops/parked", OPERATOR, null), poisoned));
        assertThat(parked.path("consumer").asText()).isEqualTo("referral-events");
        assertThat(parked.path("districtId").asText()).isEqualTo(LUTON);
        assertThat(parked.path("records").asInt()).isEqualTo(1);
        assertThat(texts(parked.path("eventTypes"))).containsExactly("SecurityScreenCleared");
        assertThat(parked.path("reason").asText()).contains("SecurityScreenCleared (revision")
                .contains("failed 3 times").contains(IllegalArgumentException.class.getName())
                .doesNotContain("fourth of May");
        assertThat(parked.path("parkedAt").asText()).isNotBlank();
        assertThat(get("/assessments/" + poisoned, SOCIAL_WORKER, "ASSESSMENT").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> retried = post("/ops/parked/retry", OPERATOR,
                Map.of("consumer", "referral-events", "caseId", poisoned.toString()));
        assertThat(retried.getStatusCode()).as("%s", retried.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("outcome").asText()).isEqualTo("STILL_PARKED");
        assertThat(retried.getBody().path("recordsParked").asInt()).isEqualTo(1);
        assertThat(retried.getBody().path("reason").asText()).contains("(on retry)");
        assertThat(find(get("/ops/parked?districtId=" + LUTON, OPERATOR, null), poisoned)).isPresent();

        // another district's operator neither sees nor retries it; other roles may do neither; a token is needed
        ResponseEntity<JsonNode> otherList = get("/ops/parked", OTHER_OPERATOR, null);
        assertThat(otherList.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(find(otherList, poisoned)).isEmpty();
        assertThat(get("/ops/parked?districtId=" + LUTON, OTHER_OPERATOR, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> otherRetry = post("/ops/parked/retry", OTHER_OPERATOR,
                Map.of("consumer", "referral-events", "caseId", poisoned.toString()));
        ResponseEntity<JsonNode> unknownRetry = post("/ops/parked/retry", OPERATOR,
                Map.of("consumer", "referral-events", "caseId", UUID.randomUUID().toString()));
        assertThat(otherRetry.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherRetry.getBody()).as("as for a case that is not parked").isEqualTo(unknownRetry.getBody());
        assertRefused(post("/ops/parked/retry", OPERATOR, Map.of("consumer", "referral-events")),
                HttpStatus.BAD_REQUEST, "caseId");
        assertRefused(post("/ops/parked/retry", OPERATOR, Map.of("caseId", poisoned.toString())),
                HttpStatus.BAD_REQUEST, "consumer");
        assertThat(post("/ops/parked/retry", OPERATOR, Map.of("consumer", "no-such-consumer",
                "caseId", poisoned.toString())).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/ops/parked", SOCIAL_WORKER, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("/ops/parked/retry", SOCIAL_WORKER, Map.of("consumer", "referral-events",
                "caseId", poisoned.toString())).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/ops/parked", null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("/ops/parked/retry", null, Map.of("consumer", "referral-events",
                "caseId", poisoned.toString())).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(find(get("/ops/parked", OPERATOR, null), poisoned)).as("nothing changed by a refusal")
                .hasValueSatisfying(entry -> assertThat(entry.path("records").asInt()).isEqualTo(1));
    }

    /** The event on partition 0 of its topic, with a time no reader can parse: a poison message. */
    private static void publishUnreadable(SecurityScreenCleared event) throws Exception {
        ProducerRecord<String, String> readable = CatalogueRecords.of(event, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), 0);
        String unreadable = readable.value().replace("\"" + event.occurredAt() + "\"", "\"the fourth of May\"");
        assertThat(unreadable).isNotEqualTo(readable.value());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(readable.topic(), 0, readable.timestamp(), readable.key(), unreadable,
                    readable.headers())).get();
        }
    }

    private static Optional<JsonNode> find(ResponseEntity<JsonNode> list, UUID caseId) {
        assertThat(list.getStatusCode()).as("%s", list.getBody()).isEqualTo(HttpStatus.OK);
        for (JsonNode entry : list.getBody()) {
            if (entry.path("caseId").asText().equals(caseId.toString())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
