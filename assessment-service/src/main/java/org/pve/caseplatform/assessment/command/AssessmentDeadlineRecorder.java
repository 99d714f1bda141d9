package org.pve.caseplatform.assessment.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pve.caseplatform.assessment.api.OpenAssessment;

/**
 * Writes an assessment's deadline before its OpenAssessment is handled, so no open assessment is without one. A
 * deadline left by a command that then failed finds no assessment when it fires and is dropped.
 */
public class AssessmentDeadlineRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final AssessmentDeadlines deadlines;

    public AssessmentDeadlineRecorder(AssessmentDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof OpenAssessment opened && opened.dueAt() != null) {
            deadlines.schedule(opened.caseId(), opened.districtId(), opened.dueAt());
        }
        return chain.proceed();
    }
}
