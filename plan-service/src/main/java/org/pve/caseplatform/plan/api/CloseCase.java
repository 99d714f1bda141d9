package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.ClosureOutcome;

/** Close the case with an outcome; nothing happens to it afterwards. */
public record CloseCase(@TargetAggregateIdentifier UUID caseId, ClosureOutcome outcome, String closedBy) {
}
