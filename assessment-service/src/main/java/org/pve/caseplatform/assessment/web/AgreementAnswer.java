package org.pve.caseplatform.assessment.web;

import java.time.Instant;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;

/** A panel member's confidentiality agreement for the case, as recorded or expired. */
record AgreementAnswer(UUID caseId, String memberId, Agency agency, Instant validUntil, boolean active) {
}
