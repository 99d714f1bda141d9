package org.pve.caseplatform.assessment.web;

import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.support.domain.ConcurrentChange;
import org.pve.caseplatform.support.web.Versions;
import org.springframework.stereotype.Component;

/**
 * Sends a change to a case's assessment. The version an If-Match names travels as metadata and is checked by the
 * aggregate under its lock (412 when stale); a change that lost the race to another one stored at the same moment
 * (two instances, one sequence number) is a 409 naming the version the assessment is at now.
 */
@Component
class AssessmentCommands {

    private final CommandGateway commands;
    private final AssessmentViewReader views;

    AssessmentCommands(CommandGateway commands, AssessmentViewReader views) {
        this.commands = commands;
        this.views = views;
    }

    <R> R send(Object command, UUID caseId, String ifMatch) {
        Long expected = Versions.expectedVersion(ifMatch);
        MetaData metaData = expected == null ? MetaData.emptyInstance()
                : MetaData.with(Versions.EXPECTED_VERSION, expected);
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (ConflictingModificationException e) {
            throw new ConcurrentChange(views.find(caseId).version(), e);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof ConflictingModificationException conflict) {
                throw new ConcurrentChange(views.find(caseId).version(), conflict);
            }
            throw e;
        }
    }
}
