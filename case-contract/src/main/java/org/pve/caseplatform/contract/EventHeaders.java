package org.pve.caseplatform.contract;

/** Kafka header names carried by every domain event record. */
public final class EventHeaders {

    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_REVISION = "eventRevision";
    public static final String MESSAGE_ID = "messageId";
    public static final String CASE_ID = "caseId";
    public static final String DISTRICT_ID = "districtId";
    public static final String CORRELATION_ID = "correlationId";

    private EventHeaders() {
    }
}
