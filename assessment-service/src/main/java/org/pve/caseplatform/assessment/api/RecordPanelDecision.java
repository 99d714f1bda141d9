package org.pve.caseplatform.assessment.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.PanelDecision;
import org.pve.caseplatform.contract.SecurityDestination;

/**
 * Record on the case what a panel meeting decided about it, the rationale already encrypted. It carries the meeting
 * as its sender read it, so that the case can hold the rules: the meeting is of the case's district, the case is on
 * its agenda and the decider attends it. escalatedTo goes with ESCALATE_TO_SECURITY only.
 */
public record RecordPanelDecision(
        @TargetAggregateIdentifier UUID caseId,
        MeetingView meeting,
        PanelDecision decision,
        EncryptedValue rationale,
        SecurityDestination escalatedTo,
        String decidedBy) {

    /** Why a decision about a case not on the meeting's agenda (or of another district) is refused. */
    public static final String NOT_ON_AGENDA = "is not on the agenda of this meeting";
}
