package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.Size;

/** An optional note on an erasure request (the ticket of the person's request, say); it holds no personal data. */
record ErasureRequest(@Size(max = 4000) String note) {
}
