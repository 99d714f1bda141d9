package org.pve.caseplatform.referral.api;

import java.util.List;
import org.pve.caseplatform.contract.Agency;

/** Whether a person is known, and to which agencies: nothing more (no cases, districts or stages). */
public record KnownTo(boolean known, List<Agency> agencies) {
}
