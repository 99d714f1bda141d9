package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.referral.api.LinkReferralToCase;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.RejectProbableMatch;
import org.pve.caseplatform.referral.api.UnlinkReferralFromCase;
import org.pve.caseplatform.referral.query.ScreeningQueueReader;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screener's decisions on probable matches and prior involvement: link a referral to a case shown to them,
 * undo a link, or reject a proposed case as another person. Only a case shown for the referral can be named.
 */
@RestController
class LinkController {

    private final CommandGateway commands;
    private final ReferralAccess referrals;
    private final ScreeningQueueReader queue;

    LinkController(CommandGateway commands, ReferralAccess referrals, ScreeningQueueReader queue) {
        this.commands = commands;
        this.referrals = referrals;
        this.queue = queue;
    }

    @PostMapping("/referrals/{referralId}/links")
    ReferralView link(@PathVariable UUID referralId, @Valid @RequestBody LinkRequest request, Caller caller) {
        referrals.require(caller, Operation.DECIDE_MATCH, referralId);
        String decidedBy = caller.actingAs("decidedBy", request.decidedBy());
        requireShown(referralId, request.caseId());
        commands.sendAndWait(new LinkReferralToCase(referralId, request.caseId(), decidedBy));
        return referrals.answer(caller, referralId);
    }

    @PostMapping("/referrals/{referralId}/links/undo")
    ReferralView undo(@PathVariable UUID referralId, @Valid @RequestBody UndoLinkRequest request, Caller caller) {
        referrals.require(caller, Operation.DECIDE_MATCH, referralId);
        String decidedBy = caller.actingAs("decidedBy", request.decidedBy());
        commands.sendAndWait(new UnlinkReferralFromCase(referralId, UUID.randomUUID(), decidedBy,
                request.rationale()));
        return referrals.answer(caller, referralId);
    }

    @PostMapping("/referrals/{referralId}/match-rejections")
    ReferralView reject(@PathVariable UUID referralId, @Valid @RequestBody LinkRequest request, Caller caller) {
        referrals.require(caller, Operation.DECIDE_MATCH, referralId);
        String decidedBy = caller.actingAs("decidedBy", request.decidedBy());
        requireShown(referralId, request.caseId());
        commands.sendAndWait(new RejectProbableMatch(referralId, request.caseId(), decidedBy));
        return referrals.answer(caller, referralId);
    }

    private void requireShown(UUID referralId, UUID caseId) {
        boolean shown;
        try {
            shown = queue.candidates(referralId).stream().anyMatch(c -> c.candidateCaseId().equals(caseId));
        } catch (UnknownRecord notIndexedYet) {
            shown = false;
        }
        if (!shown) {
            throw new LifecycleViolation("caseId", "is not a case proposed to this referral or shown as its prior "
                    + "involvement");
        }
    }
}
