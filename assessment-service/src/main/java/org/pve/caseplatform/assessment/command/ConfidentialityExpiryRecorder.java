package org.pve.caseplatform.assessment.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;

/**
 * Writes an agreement's expiry before its RecordConfidentialityAgreement is handled, so no agreement on record is
 * without one. An expiry left by a command that then failed finds nothing (or a later agreement) when it fires.
 */
public class ConfidentialityExpiryRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ConfidentialityExpiries expiries;

    public ConfidentialityExpiryRecorder(ConfidentialityExpiries expiries) {
        this.expiries = expiries;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof RecordConfidentialityAgreement recorded) {
            expiries.schedule(recorded.caseId(), recorded.memberId(), recorded.validUntil());
        }
        return chain.proceed();
    }
}
