package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.referral.api.ReferralAccepted;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.command.ReferralIntake;
import org.pve.caseplatform.referral.query.ReferralViewReader;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Intake of referrals and the police screener's decision. */
@RestController
class ReferralController {

    /** Channels where the referrer is the public: they learn the referral id only, never anything about a case. */
    private static final List<Channel> PUBLIC_CHANNELS =
            List.of(Channel.HELPLINE, Channel.ONLINE_FORM, Channel.SELF_REFERRAL);

    private final ReferralIntake intake;
    private final ReferralViewReader views;
    private final CommandGateway commands;
    private final DistrictDirectory districts;

    ReferralController(ReferralIntake intake, ReferralViewReader views, CommandGateway commands,
                       DistrictDirectory districts) {
        this.intake = intake;
        this.views = views;
        this.commands = commands;
        this.districts = districts;
    }

    @PostMapping("/referrals")
    ResponseEntity<ReferralAccepted> receive(@Valid @RequestBody NewReferral referral) {
        if (districts.find(referral.districtId()).isEmpty()) {
            throw new InvalidRequest("districtId", "is not a known district");
        }
        ReferralAccepted accepted = intake.receive(referral);
        ReferralAccepted answer = PUBLIC_CHANNELS.contains(referral.channel())
                ? new ReferralAccepted(accepted.referralId(), null, accepted.created())
                : accepted;
        URI location = URI.create("/referrals/" + accepted.referralId());
        return accepted.created()
                ? ResponseEntity.created(location).body(answer)
                : ResponseEntity.ok().location(location).body(answer);
    }

    @GetMapping("/referrals/{referralId}")
    ReferralView referral(@PathVariable UUID referralId, Caller caller) {
        return views.find(referralId, caller);
    }

    @PostMapping("/referrals/{referralId}/screening")
    ReferralView screen(@PathVariable UUID referralId, @Valid @RequestBody ScreeningRequest request, Caller caller) {
        PoliceOnly.requireScreener(caller);
        commands.sendAndWait(switch (request.decision()) {
            case CLEAR -> new ClearSecurityScreen(referralId, request.screenedBy(), request.rationale());
            case ESCALATE -> new EscalateReferralToSecurity(referralId, request.screenedBy(),
                    required("escalatedTo", request.escalatedTo()), request.rationale());
            case CLOSE -> new CloseReferralNoFurtherAction(referralId, request.screenedBy(),
                    required("reason", request.reason()), request.rationale());
        });
        return views.find(referralId, caller);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRequest(field, "is required for this decision");
        }
        return value;
    }
}
