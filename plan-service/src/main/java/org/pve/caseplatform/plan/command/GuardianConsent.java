package org.pve.caseplatform.plan.command;

import java.util.UUID;

/** Whether consent for the case's person must come from a guardian (the person is below the practice model's age). */
@FunctionalInterface
public interface GuardianConsent {

    boolean required(UUID caseId, String districtId);
}
