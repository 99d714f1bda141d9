package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.api.ReturnReferralFromSecurity;
import org.pve.caseplatform.referral.query.ReferralViewReader;
import org.pve.caseplatform.support.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The hand-back: the security side returns a sealed referral, which resumes waiting for its screening decision. */
@RestController
class SecurityReturnController {

    private final CommandGateway commands;
    private final ReferralViewReader views;

    SecurityReturnController(CommandGateway commands, ReferralViewReader views) {
        this.commands = commands;
        this.views = views;
    }

    @PostMapping("/referrals/{referralId}/return")
    ReferralView handBack(@PathVariable UUID referralId, @Valid @RequestBody ReturnRequest request, Caller caller) {
        PoliceOnly.requireSecuritySide(caller);
        commands.sendAndWait(new ReturnReferralFromSecurity(referralId, request.returnedBy(), request.rationale()));
        return views.find(referralId, caller);
    }
}
