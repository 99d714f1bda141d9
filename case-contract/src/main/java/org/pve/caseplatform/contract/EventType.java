package org.pve.caseplatform.contract;

/** One entry of the event catalogue: the name on the wire, its revision, the topic it travels on and its record. */
public record EventType(String name, int revision, String topic, Class<? extends CaseEvent> recordClass) {
}
