package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.Size;

/** Why the caller needs the subject's identity (at least 20 characters; it is recorded with the reveal). */
record RevealRequest(@Size(max = 4000) String justification) {
}
