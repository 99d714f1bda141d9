package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.Size;
import org.pve.caseplatform.contract.Agency;

/**
 * A panel member endorses a formulation version on behalf of their agency. The agency and the endorser are the
 * caller's own (from the token); either may still be named, and must then match.
 */
record EndorsementRequest(
        Agency agency,
        @Size(max = 200) String endorsedBy) {
}
