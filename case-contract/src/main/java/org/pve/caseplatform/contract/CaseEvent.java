package org.pve.caseplatform.contract;

import java.time.Instant;
import java.util.UUID;

/** A domain event about one case: every event in the catalogue carries these three fields. */
public interface CaseEvent {

    UUID caseId();

    String districtId();

    Instant occurredAt();
}
