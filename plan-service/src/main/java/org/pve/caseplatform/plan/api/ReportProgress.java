package org.pve.caseplatform.plan.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.Engagement;

/** The provider reports how the person engages with a service in delivery, its summary already encrypted. */
public record ReportProgress(@TargetAggregateIdentifier UUID caseId, UUID commissionId, String providerId,
                             Engagement engagement, boolean concernRaised, EncryptedValue summary) {
}
