package org.pve.caseplatform.contract.referral;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;

/**
 * A referral joined an existing case ({@code caseId}): automatically on an exact match with an open case in the
 * district ({@code linkedBy} AUTOMATIC), or by the screener who confirmed a proposed match.
 */
public record ReferralLinkedToCase(
        UUID caseId,
        String districtId,
        Instant occurredAt,
        UUID referralId,
        UUID previousCaseId,
        String linkedBy) implements CaseEvent {

    public static final String AUTOMATIC = "AUTOMATIC";
}
