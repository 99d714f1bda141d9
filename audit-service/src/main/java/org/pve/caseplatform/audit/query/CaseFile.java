package org.pve.caseplatform.audit.query;

import java.util.UUID;

/** What the access policy needs to know of a case the ledger saw: its district and whether it is sealed now. */
public record CaseFile(UUID caseId, String districtId, boolean sealed) {
}
