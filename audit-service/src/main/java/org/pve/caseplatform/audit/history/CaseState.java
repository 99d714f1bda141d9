package org.pve.caseplatform.audit.history;

import java.util.List;

/** How a case stood at an instant: its stage, the commissions still open and the last decision taken. */
public record CaseState(CaseStage stage, List<OpenCommission> openCommissions, Decision lastDecision) {

    public CaseState {
        openCommissions = List.copyOf(openCommissions);
    }
}
