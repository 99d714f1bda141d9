package org.pve.caseplatform.support.kafka.parking;

import com.fasterxml.jackson.core.JacksonException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the platform (MongoDB or Kafka unreachable or slow) from a failure of the record: a transient
 * one anywhere in the cause chain means the record may well succeed once the platform is back, so it is retried
 * while its partition waits and never parked; otherwise an outage would park every case that came along during it.
 * Jackson's exceptions are IOExceptions too, but a record that cannot be read never will be: not transient.
 */
public final class TransientFailures {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(MongoSocketException.class,
            MongoTimeoutException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class,
            MongoExecutionTimeoutException.class, MongoConnectionPoolClearedException.class, RetriableException.class,
            IOException.class, TimeoutException.class);

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (!(cause instanceof JacksonException) && TRANSIENT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
            if (cause instanceof MongoException mongo
                    && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                    || mongo.hasErrorLabel("RetryableWriteError"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
