package org.pve.caseplatform.support.web.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.support.crypto.PersonalDataVault;

/**
 * The first answer to each idempotent request, kept for a retention period so that a client's retry gets it again
 * instead of a second effect. One document per caller and key: claimed before the request runs (so a concurrent
 * retry sees it in progress), completed with the answer after. Answers may hold personal data (a decrypted view), so
 * their bodies are encrypted under a key of the day; documents go after the retention, and the day keys soon after,
 * which shreds any copy a backup kept.
 */
public class IdempotentResponses {

    static final String KEY_PREFIX = "idempotency~";

    private final MongoCollection<Document> answers;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final Duration retention;
    private final Duration claimTimeout;

    public IdempotentResponses(MongoCollection<Document> answers, PersonalDataVault vault, Clock clock,
                               Duration retention, Duration claimTimeout) {
        this.answers = answers;
        this.vault = vault;
        this.clock = clock;
        this.retention = retention;
        this.claimTimeout = claimTimeout;
        answers.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** What a request with a key finds: its own fresh claim, another request still running, or a stored answer. */
    public sealed interface Claim {
        /** The request is the first with this key: run it, then {@link #complete} or {@link #release}. */
        record Fresh() implements Claim {
        }

        /** An earlier request with the key is still running. */
        record InProgress() implements Claim {
        }

        /** The key was used for a different request (another method, path or body). */
        record Mismatch() implements Claim {
        }

        /** The first answer, to be given again. */
        record Replay(StoredAnswer answer) implements Claim {
        }
    }

    /** An answer as first given: status, the headers a client relies on, and the body. */
    public record StoredAnswer(int status, String contentType, String location, String etag, String body) {
    }

    public Claim claim(String id, String fingerprint) {
        Instant now = clock.instant();
        try {
            answers.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING")
                    .append("claimedUntil", Date.from(now.plus(claimTimeout)))
                    .append("expiresAt", Date.from(now.plus(retention))));
            return new Claim.Fresh();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = answers.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(id, fingerprint); // expired between the two calls
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            return new Claim.Mismatch();
        }
        if ("DONE".equals(existing.getString("state"))) {
            Optional<StoredAnswer> answer = stored(existing);
            if (answer.isPresent()) {
                return new Claim.Replay(answer.get());
            }
            // its day key is gone: the answer outlived its retention, and the key counts as new
            answers.deleteOne(Filters.eq("_id", id));
            return claim(id, fingerprint);
        }
        // a request that died while running leaves its claim; once it timed out, the next one takes it over
        if (existing.getDate("claimedUntil").toInstant().isBefore(now)
                && answers.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "RUNNING"),
                        Filters.lt("claimedUntil", Date.from(now))),
                Updates.set("claimedUntil", Date.from(now.plus(claimTimeout)))).getModifiedCount() == 1) {
            return new Claim.Fresh();
        }
        return new Claim.InProgress();
    }

    public void complete(String id, StoredAnswer answer) {
        EncryptedValue body = answer.body() == null ? null : vault.encrypt(dayKey(clock.instant()), answer.body());
        answers.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "DONE"),
                Updates.set("status", answer.status()), Updates.set("contentType", answer.contentType()),
                Updates.set("location", answer.location()), Updates.set("etag", answer.etag()),
                Updates.set("body", body == null ? null : new Document("keyRef", body.keyRef())
                        .append("iv", body.iv()).append("ciphertext", body.ciphertext()))));
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry runs it again. */
    public void release(String id) {
        answers.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "RUNNING")));
    }

    /** Deletes answers past their retention (where the database does not expire them itself) and old day keys. */
    public void forgetExpired() {
        Instant now = clock.instant();
        answers.deleteMany(Filters.lt("expiresAt", Date.from(now)));
        LocalDate lastKeyNeeded = LocalDate.ofInstant(now.minus(retention), ZoneOffset.UTC);
        for (int daysBefore = 1; daysBefore <= 7; daysBefore++) {
            vault.destroy(KEY_PREFIX + lastKeyNeeded.minusDays(daysBefore));
        }
    }

    private Optional<StoredAnswer> stored(Document done) {
        Document body = done.get("body", Document.class);
        String text = null;
        if (body != null) {
            Optional<String> decrypted = vault.decrypt(EncryptedValue.of(body.getString("keyRef"),
                    body.getString("iv"), body.getString("ciphertext")));
            if (decrypted.isEmpty()) {
                return Optional.empty();
            }
            text = decrypted.get();
        }
        return Optional.of(new StoredAnswer(done.getInteger("status"), done.getString("contentType"),
                done.getString("location"), done.getString("etag"), text));
    }

    private static String dayKey(Instant at) {
        return KEY_PREFIX + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
