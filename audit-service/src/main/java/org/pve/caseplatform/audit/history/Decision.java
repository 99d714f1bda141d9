package org.pve.caseplatform.audit.history;

import java.time.Instant;

/** A screening, formulation or closure decision: what was decided, when, by whom, and its outcome if it names one. */
public record Decision(String eventType, Instant decidedAt, String decidedBy, String outcome) {
}
