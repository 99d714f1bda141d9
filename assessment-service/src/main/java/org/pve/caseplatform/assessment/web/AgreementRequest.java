package org.pve.caseplatform.assessment.web;

import java.time.Instant;

/** A panel member records their own confidentiality agreement; validUntil defaults to a year from now. */
record AgreementRequest(Instant validUntil) {
}
