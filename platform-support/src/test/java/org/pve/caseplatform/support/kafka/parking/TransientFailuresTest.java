package org.pve.caseplatform.support.kafka.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

/** Which failures wait for the platform (transient) and which park the case (the record's own). */
class TransientFailuresTest {

    @Test
    void mongoAndKafkaOutagesAnywhereInTheCauseChainAreTransient() {
        assertThat(TransientFailures.isTransient(new MongoTimeoutException("no server"))).isTrue();
        assertThat(TransientFailures.isTransient(new CommandExecutionException("command failed",
                new IllegalStateException("store", new MongoSocketReadTimeoutException("slow",
                        new ServerAddress("mongo.invalid"), new IOException("read timed out")))))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(new NotLeaderOrFollowerException("moved"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new IOException("connection reset"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException("waited"))).isTrue();
    }

    @Test
    void aRecordThatCannotBeReadOrHandledIsNotTransient() {
        JsonParseException unreadable = new JsonParseException(null, "unexpected character");
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("unreadable", unreadable))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("no such stage"))).isFalse();
        assertThat(TransientFailures.isTransient(new SerializationException("bad bytes"))).isFalse();
        assertThat(TransientFailures.isTransient(new CommandExecutionException("rejected",
                new IllegalArgumentException("unknown framework")))).isFalse();
    }

    @Test
    void anUnreadableRecordAsAConsumerMeetsItIsNotTransient() {
        Exception failure = null;
        try {
            new ObjectMapper().readTree("{\"occurredAt\": the fourth of May}");
        } catch (IOException e) {
            failure = new IllegalArgumentException("unreadable SecurityScreenCleared", e);
        }
        assertThat(failure).isNotNull();
        assertThat(TransientFailures.isTransient(failure)).isFalse();
    }
}
