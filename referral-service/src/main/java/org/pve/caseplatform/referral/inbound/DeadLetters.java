package org.pve.caseplatform.referral.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.metrics.PlatformMetrics;

/**
 * Publishes a refused inbound message to the dead-letter topic, keyed as it came, with the reason in headers and
 * value. The original bytes are encrypted so the topic holds no plaintext personal data: under the subject's key when
 * the message names its subject well enough to derive the pseudonym as intake would (erasing the person then makes
 * it unreadable too), else under a key of the dead letter's own ({@code dlt-<uuid>}), destroyed after the
 * dead-letter retention. Each dead letter the broker took is counted ({@value PlatformMetrics#DEAD_LETTERS}) under
 * the source topic and the short kind of its refusal ({@link Reading.Refused#kind()}).
 */
final class DeadLetters {

    static final String REASON = "dltReason";
    static final String ORIGINAL_TOPIC = "dltOriginalTopic";
    static final String ORIGINAL_PARTITION = "dltOriginalPartition";
    static final String ORIGINAL_OFFSET = "dltOriginalOffset";
    static final String RECEIVED_AT = "dltReceivedAt";
    static final String UTF_8 = "UTF-8";
    static final String BASE64 = "BASE64";

    private static final long SEND_TIMEOUT_SECONDS = 20;

    private final String topic;
    private final Producer<String, String> producer;
    private final PersonalDataVault vault;
    private final Pseudonymiser pseudonymiser;
    private final DeadLetterKeys ownKeys;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ObjectMapper json = EventJson.newMapper();

    DeadLetters(String topic, Producer<String, String> producer, PersonalDataVault vault, Pseudonymiser pseudonymiser,
                DeadLetterKeys ownKeys, Clock clock, MeterRegistry registry) {
        this.topic = topic;
        this.producer = producer;
        this.vault = vault;
        this.pseudonymiser = pseudonymiser;
        this.ownKeys = ownKeys;
        this.clock = clock;
        this.registry = registry;
    }

    /** Sends the dead letter and waits for the broker to have it; throws when it could not (the caller retries). */
    void publish(ConsumerRecord<String, byte[]> record, Reading.Refused refusal)
            throws ExecutionException, InterruptedException, TimeoutException {
        Instant receivedAt = clock.instant();
        String encoding = isUtf8(record.value()) ? UTF_8 : BASE64;
        String original = record.value() == null ? null : encoding.equals(UTF_8)
                ? new String(record.value(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(record.value());
        DeadLetter letter = new DeadLetter(refusal.reason(), refusal.problems(), record.topic(), record.partition(),
                record.offset(), receivedAt, original == null ? null : encoding,
                original == null ? null : vault.encrypt(keyRefFor(record.value(), receivedAt), original));
        RecordHeaders headers = new RecordHeaders();
        header(headers, REASON, refusal.reason());
        header(headers, ORIGINAL_TOPIC, record.topic());
        header(headers, ORIGINAL_PARTITION, String.valueOf(record.partition()));
        header(headers, ORIGINAL_OFFSET, String.valueOf(record.offset()));
        header(headers, RECEIVED_AT, receivedAt.toString());
        producer.send(new ProducerRecord<>(topic, null, record.key(), write(letter), headers))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Counter.builder(PlatformMetrics.DEAD_LETTERS)
                .description("Records sent to a dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", refusal.kind())
                .register(registry)
                .increment();
    }

    /** The subject's pseudonym when the message names the subject readably, else a new key of the letter's own. */
    String keyRefFor(byte[] value, Instant receivedAt) {
        return subjectRef(value).orElseGet(() -> {
            String own = DeadLetterKeys.PREFIX + UUID.randomUUID();
            ownKeys.created(own, receivedAt);
            return own;
        });
    }

    private Optional<String> subjectRef(byte[] value) {
        try {
            JsonNode subject = json.readTree(value).path("subject");
            JsonNode givenNames = subject.path("givenNames");
            JsonNode familyName = subject.path("familyName");
            JsonNode dateOfBirth = subject.path("dateOfBirth");
            if (!givenNames.isTextual() || givenNames.asText().isBlank() || !familyName.isTextual()
                    || familyName.asText().isBlank()) {
                return Optional.empty();
            }
            LocalDate born = null;
            if (!dateOfBirth.isMissingNode() && !dateOfBirth.isNull()) {
                if (!dateOfBirth.isTextual()) {
                    return Optional.empty();
                }
                born = LocalDate.parse(dateOfBirth.asText());
            }
            return Optional.of(pseudonymiser.subjectRef(givenNames.asText(), familyName.asText(), born));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String write(DeadLetter letter) {
        try {
            return json.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dead letter", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isUtf8(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The value of a dead letter. {@code original} decrypts to the message as received: its text when the bytes were
     * UTF-8 ({@code originalEncoding} UTF-8), else their base64 (BASE64); both are absent for an empty record.
     */
    record DeadLetter(String reason, List<Problem> errors, String originalTopic, int originalPartition,
                      long originalOffset, Instant receivedAt, String originalEncoding, EncryptedValue original) {
    }
}
