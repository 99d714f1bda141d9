package org.pve.caseplatform.plan.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.plan.api.AssignCaseOwner;
import org.pve.caseplatform.plan.api.CloseCase;
import org.pve.caseplatform.plan.api.CommissionCreated;
import org.pve.caseplatform.plan.api.CommissionService;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.plan.command.CommissionIndex;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The case owner's side of the plan: ownership, commissions, closure. */
@RestController
class PlanController {

    private final PlanViewReader views;
    private final CommandGateway commands;
    private final CommissionIndex index;
    private final PersonalDataVault vault;

    PlanController(PlanViewReader views, CommandGateway commands, CommissionIndex index, PersonalDataVault vault) {
        this.views = views;
        this.commands = commands;
        this.index = index;
        this.vault = vault;
    }

    @GetMapping("/plans/{caseId}")
    PlanView plan(@PathVariable UUID caseId) {
        return views.find(caseId);
    }

    @PutMapping("/plans/{caseId}/owner")
    PlanView assignOwner(@PathVariable UUID caseId, @Valid @RequestBody OwnerRequest request) {
        commands.sendAndWait(new AssignCaseOwner(caseId, request.ownerRef(), request.agency()));
        return views.find(caseId);
    }

    /** Indexes the new commission before commissioning it, so its provider can address it by its id alone. */
    @PostMapping("/plans/{caseId}/commissions")
    ResponseEntity<CommissionCreated> commission(@PathVariable UUID caseId,
                                                 @Valid @RequestBody CommissionRequest request) {
        String keyRef = views.keyRef(caseId);
        UUID commissionId = UUID.randomUUID();
        index.record(commissionId, caseId);
        commands.sendAndWait(new CommissionService(caseId, commissionId, request.providerId(),
                request.serviceType(), request.needAddressed(), request.startBy(), request.commissionedBy(),
                vault.encrypt(keyRef, request.briefing())));
        return ResponseEntity.created(URI.create("/commissions/" + commissionId))
                .body(new CommissionCreated(caseId, commissionId));
    }

    @PostMapping("/plans/{caseId}/closure")
    PlanView close(@PathVariable UUID caseId, @Valid @RequestBody ClosureRequest request) {
        commands.sendAndWait(new CloseCase(caseId, request.outcome(), request.closedBy()));
        return views.find(caseId);
    }
}
