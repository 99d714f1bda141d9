package org.pve.caseplatform.referral.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pve.caseplatform.contract.Agency;

/** Reveal a pseudonymised subject's identity to one person, who states why (a clear security risk, say). */
public record RevealIdentity(@TargetAggregateIdentifier UUID referralId, String revealedTo, String revealedToRole,
                             Agency revealedToAgency, String justification) {

    /** The shortest justification that can say why a name is needed. */
    public static final int MINIMUM_JUSTIFICATION = 20;
}
