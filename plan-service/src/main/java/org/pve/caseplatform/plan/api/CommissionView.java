package org.pve.caseplatform.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Engagement;
import org.pve.caseplatform.contract.ServiceType;

/**
 * One commission as its provider may see it: nothing of the rest of the plan. Personal fields decrypted (absent
 * once erased). {@code stalled} is true once its start-by date passed before delivery started.
 */
public record CommissionView(UUID commissionId, String providerId, ServiceType serviceType, String needAddressed,
                             LocalDate startBy, CommissionStatus status, String briefing, List<Progress> progress,
                             String declineReason, String outcome, boolean stalled) {

    /** One progress report from the provider. */
    public record Progress(Engagement engagement, boolean concernRaised, String summary, Instant at) {
    }
}
