package org.pve.caseplatform.audit.replay;

import java.time.Instant;

/** What to replay: one district's records or all ({@code districtId} absent), from an instant or the beginning. */
public record ReplayRequest(String districtId, Instant from) {
}
