package org.pve.caseplatform.audit.web;

import org.pve.caseplatform.audit.api.LedgerVerification;
import org.pve.caseplatform.audit.ledger.LedgerVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes the ledger's chains and anchors on request and answers whether the record is intact. */
@RestController
class LedgerVerificationController {

    private final LedgerVerifier verifier;

    LedgerVerificationController(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/ledger/verification")
    LedgerVerification verification() {
        return verifier.verify();
    }
}
