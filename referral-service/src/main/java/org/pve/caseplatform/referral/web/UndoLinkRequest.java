package org.pve.caseplatform.referral.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Undoing a link, with the reason it was wrong. */
record UndoLinkRequest(@Size(max = 200) String decidedBy, @NotBlank @Size(max = 4000) String rationale) {
}
