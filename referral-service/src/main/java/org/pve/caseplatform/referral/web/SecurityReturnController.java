package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.ReturnReferralFromSecurity;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hand-back: the security side returns a sealed referral, which resumes waiting for its screening decision. */
@RestController
class SecurityReturnController {

    private final CommandGateway commands;
    private final ReferralAccess referrals;

    SecurityReturnController(CommandGateway commands, ReferralAccess referrals) {
        this.commands = commands;
        this.referrals = referrals;
    }

    @PostMapping("/referrals/{referralId}/return")
    ReferralView handBack(@PathVariable UUID referralId, @Valid @RequestBody ReturnRequest request, Caller caller) {
        referrals.require(caller, Operation.RETURN_FROM_SECURITY, referralId);
        String returnedBy = caller.actingAs("returnedBy", request.returnedBy());
        commands.sendAndWait(new ReturnReferralFromSecurity(referralId, returnedBy, request.rationale()));
        return referrals.answer(caller, referralId);
    }
}
