package org.pve.caseplatform.support.kafka;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.pve.caseplatform.support.eventstore.StoredEventConverter;

/**
 * Commands sent because of an event from another service carry that event's correlationId, so the events they cause
 * share it and one request can be followed across every topic.
 */
public final class Causation {

    private Causation() {
    }

    public static <C> CommandMessage<C> causedBy(DeliveredEvent cause, C command) {
        CommandMessage<C> message = GenericCommandMessage.asCommandMessage(command);
        return cause.correlationId() == null ? message
                : message.andMetaData(MetaData.with(StoredEventConverter.CORRELATION_ID, cause.correlationId()));
    }
}
