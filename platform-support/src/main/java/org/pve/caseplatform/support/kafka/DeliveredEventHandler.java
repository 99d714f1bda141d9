package org.pve.caseplatform.support.kafka;

/** Handles one delivered event. Must be idempotent: a record can be delivered again after a crash or a replay. */
@FunctionalInterface
public interface DeliveredEventHandler {

    void handle(DeliveredEvent event) throws Exception;
}
