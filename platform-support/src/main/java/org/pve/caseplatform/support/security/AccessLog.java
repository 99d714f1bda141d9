package org.pve.caseplatform.support.security;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.support.kafka.CatalogueRecords;

/**
 * Writes every read of case detail to the access-log topic as CaseRecordAccessed (who, role, agency, view, purpose)
 * and waits for the broker's acknowledgement: a read that cannot be logged is not served.
 */
public class AccessLog {

    private final Producer<String, String> producer;
    private final Clock clock;

    public AccessLog(Producer<String, String> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public void recordRead(Caller caller, UUID caseId, String districtId, String view, AccessPurpose purpose) {
        CaseRecordAccessed accessed = new CaseRecordAccessed(caseId, districtId, clock.instant(), caller.id(),
                caller.role().name(), caller.agency(), view, purpose);
        String messageId = UUID.randomUUID().toString();
        try {
            producer.send(CatalogueRecords.of(accessed, messageId, messageId)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessLogUnavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AccessLogUnavailable(e);
        }
    }

    /** The access log could not be written, so the read is refused (503). */
    public static class AccessLogUnavailable extends RuntimeException {
        AccessLogUnavailable(Exception cause) {
            super("the access log cannot be written; case detail is not served without it", cause);
        }
    }
}
