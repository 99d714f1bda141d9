package org.pve.caseplatform.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.plan.api.AcceptService;
import org.pve.caseplatform.plan.api.CommissionView;
import org.pve.caseplatform.plan.api.CompleteService;
import org.pve.caseplatform.plan.api.DeclineService;
import org.pve.caseplatform.plan.api.ReportProgress;
import org.pve.caseplatform.plan.api.StartServiceDelivery;
import org.pve.caseplatform.plan.command.CommissionIndex;
import org.pve.caseplatform.plan.query.PlanViewReader;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider's side: a commission addressed by its id alone, answered with that commission only, never the rest
 * of the plan. Another provider's commission is answered as if it did not exist.
 */
@RestController
class CommissionController {

    private final CommissionIndex index;
    private final PlanViewReader views;
    private final CommandGateway commands;
    private final PersonalDataVault vault;

    CommissionController(CommissionIndex index, PlanViewReader views, CommandGateway commands,
                         PersonalDataVault vault) {
        this.index = index;
        this.views = views;
        this.commands = commands;
        this.vault = vault;
    }

    @GetMapping("/commissions/{commissionId}")
    CommissionView commission(@PathVariable UUID commissionId, @RequestParam @NotBlank String providerId) {
        CommissionView commission = views.commission(index.caseOf(commissionId), commissionId);
        if (!commission.providerId().equals(providerId)) {
            throw new UnknownRecord("commission " + commissionId);
        }
        return commission;
    }

    @PostMapping("/commissions/{commissionId}/acceptance")
    CommissionView accept(@PathVariable UUID commissionId, @Valid @RequestBody ProviderRequest request) {
        return act(commissionId, caseId -> new AcceptService(caseId, commissionId, request.providerId()));
    }

    @PostMapping("/commissions/{commissionId}/decline")
    CommissionView decline(@PathVariable UUID commissionId, @Valid @RequestBody DeclineRequest request) {
        return act(commissionId,
                caseId -> new DeclineService(caseId, commissionId, request.providerId(), request.reason()));
    }

    @PostMapping("/commissions/{commissionId}/start")
    CommissionView start(@PathVariable UUID commissionId, @Valid @RequestBody ProviderRequest request) {
        return act(commissionId, caseId -> new StartServiceDelivery(caseId, commissionId, request.providerId()));
    }

    @PostMapping("/commissions/{commissionId}/progress")
    CommissionView reportProgress(@PathVariable UUID commissionId, @Valid @RequestBody ProgressRequest request) {
        return act(commissionId, caseId -> new ReportProgress(caseId, commissionId, request.providerId(),
                request.engagement(), request.concernRaised(),
                vault.encrypt(views.keyRef(caseId), request.summary())));
    }

    @PostMapping("/commissions/{commissionId}/completion")
    CommissionView complete(@PathVariable UUID commissionId, @Valid @RequestBody CompletionRequest request) {
        return act(commissionId,
                caseId -> new CompleteService(caseId, commissionId, request.providerId(), request.outcome()));
    }

    /** Resolves the commission's case, sends the provider's command and answers with that commission only. */
    private CommissionView act(UUID commissionId, Function<UUID, Object> command) {
        UUID caseId = index.caseOf(commissionId);
        commands.sendAndWait(command.apply(caseId));
        return views.commission(caseId, commissionId);
    }
}
