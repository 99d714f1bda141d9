package org.pve.caseplatform.audit.web;

import org.pve.caseplatform.audit.api.LedgerVerification;
import org.pve.caseplatform.audit.ledger.LedgerVerifier;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recomputes the ledger's chains and anchors on request and answers whether the record is intact (VERIFY_LEDGER).
 * The report names chains, positions and messageIds only, never a case's content.
 */
@RestController
class LedgerVerificationController {

    private final LedgerVerifier verifier;
    private final AccessPolicy policy;

    LedgerVerificationController(LedgerVerifier verifier, AccessPolicy policy) {
        this.verifier = verifier;
        this.policy = policy;
    }

    @GetMapping("/ledger/verification")
    LedgerVerification verification(Caller caller) {
        policy.require(caller, Operation.VERIFY_LEDGER);
        return verifier.verify();
    }
}
