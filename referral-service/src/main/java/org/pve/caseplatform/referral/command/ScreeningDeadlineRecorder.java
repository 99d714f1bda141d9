package org.pve.caseplatform.referral.command;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Writes a referral's screening deadline (received + the district's screening_due_days) before its ReceiveReferral
 * is handled, whatever channel sent it, so no stored referral can be without one. A deadline left by a command
 * that then failed finds no referral when it fires and is dropped.
 */
public class ScreeningDeadlineRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ScreeningDeadlines deadlines;
    private final DistrictDirectory districts;
    private final Clock clock;

    public ScreeningDeadlineRecorder(ScreeningDeadlines deadlines, DistrictDirectory districts, Clock clock) {
        this.deadlines = deadlines;
        this.districts = districts;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ReceiveReferral received) {
            districts.find(received.districtId()).ifPresent(district -> deadlines.schedule(received.referralId(),
                    district.districtId(), clock.instant().plus(Duration.ofDays(district.screeningDueDays()))));
        }
        return chain.proceed();
    }
}
