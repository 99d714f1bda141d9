package org.pve.caseplatform.referral.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.referral.api.AddCaseToFamily;
import org.pve.caseplatform.referral.api.FormFamilyGroup;
import org.pve.caseplatform.support.domain.LifecycleViolation;

/** A family group: siblings' and parents' cases side by side, each person keeping a case of their own. */
@Aggregate
class Family {

    @AggregateIdentifier
    private UUID familyId;
    private final Set<UUID> members = new HashSet<>();

    Family() {
    }

    @CommandHandler
    Family(FormFamilyGroup command) {
        Set<UUID> distinct = new HashSet<>();
        command.members().forEach(member -> distinct.add(member.caseId()));
        if (command.members().size() < 2 || distinct.size() != command.members().size()) {
            throw new LifecycleViolation("members", "a family groups at least two different cases");
        }
        apply(new FamilyGroupFormed(command.members().get(0).caseId(), command.districtId(), now(),
                command.familyId(), command.members(), command.formedBy()));
    }

    @CommandHandler
    void handle(AddCaseToFamily command) {
        if (members.contains(command.caseId())) {
            throw new LifecycleViolation("caseId", "the case is already a member of this family");
        }
        apply(new CaseAddedToFamily(command.caseId(), command.districtId(), now(), familyId, command.relation(),
                command.addedBy()));
    }

    @EventSourcingHandler
    void on(FamilyGroupFormed event) {
        familyId = event.familyId();
        event.members().stream().map(FamilyMember::caseId).forEach(members::add);
    }

    @EventSourcingHandler
    void on(CaseAddedToFamily event) {
        members.add(event.caseId());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
