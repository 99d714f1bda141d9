package org.pve.caseplatform.plan.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.ServiceType;

/** Record consent to services of the types in scope, given by the person or by a guardian. */
public record RecordConsent(@TargetAggregateIdentifier UUID caseId, UUID consentId, List<ServiceType> scope,
                            ConsentGiver givenBy, String recordedBy) {
}
