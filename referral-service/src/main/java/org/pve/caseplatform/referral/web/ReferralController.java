package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.NewReferral;
import org.pve.caseplatform.referral.api.ReferralAccepted;
import org.pve.caseplatform.referral.api.ReferralView;
import org.pve.caseplatform.referral.command.ReferralIntake;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Intake of referrals, a referral's detail and the police screener's decision. */
@RestController
class ReferralController {

    /** Channels where the referrer is the public: they learn the referral id only, never anything about a case. */
    private static final List<Channel> PUBLIC_CHANNELS =
            List.of(Channel.HELPLINE, Channel.ONLINE_FORM, Channel.SELF_REFERRAL);

    private final ReferralIntake intake;
    private final ReferralAccess referrals;
    private final CommandGateway commands;
    private final DistrictDirectory districts;
    private final AccessPolicy policy;

    ReferralController(ReferralIntake intake, ReferralAccess referrals, CommandGateway commands,
                       DistrictDirectory districts, AccessPolicy policy) {
        this.intake = intake;
        this.referrals = referrals;
        this.commands = commands;
        this.districts = districts;
        this.policy = policy;
    }

    @PostMapping("/referrals")
    ResponseEntity<ReferralAccepted> receive(@Valid @RequestBody NewReferral referral, Caller caller) {
        policy.require(caller, Operation.SUBMIT_REFERRAL);
        if (districts.find(referral.districtId()).isEmpty()) {
            throw new InvalidRequest("districtId", "is not a known district");
        }
        policy.requireDistrict(caller, referral.districtId());
        NewReferral attributed = caller.isAnonymous() ? fromThePublic(referral) : fromSignedIn(referral, caller);
        ReferralAccepted accepted = intake.receive(attributed);
        ReferralAccepted answer = PUBLIC_CHANNELS.contains(referral.channel()) || caller.isAnonymous()
                ? new ReferralAccepted(accepted.referralId(), null, accepted.created())
                : accepted;
        URI location = URI.create("/referrals/" + accepted.referralId());
        return accepted.created()
                ? ResponseEntity.created(location).body(answer)
                : ResponseEntity.ok().location(location).body(answer);
    }

    @GetMapping("/referrals/{referralId}")
    ReferralView referral(@PathVariable UUID referralId, Caller caller,
                          @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        return referrals.read(caller, referralId, purpose);
    }

    @PostMapping("/referrals/{referralId}/screening")
    ReferralView screen(@PathVariable UUID referralId, @Valid @RequestBody ScreeningRequest request, Caller caller) {
        referrals.require(caller, Operation.SCREEN_REFERRAL, referralId);
        String screenedBy = caller.actingAs("screenedBy", request.screenedBy());
        commands.sendAndWait(switch (request.decision()) {
            case CLEAR -> new ClearSecurityScreen(referralId, screenedBy, request.rationale());
            case ESCALATE -> new EscalateReferralToSecurity(referralId, screenedBy,
                    required("escalatedTo", request.escalatedTo()), request.rationale());
            case CLOSE -> new CloseReferralNoFurtherAction(referralId, screenedBy,
                    required("reason", request.reason()), request.rationale());
        });
        return referrals.answer(caller, referralId);
    }

    /** Without a token only the public channels, from the public or the person themself. */
    private static NewReferral fromThePublic(NewReferral referral) {
        if (!PUBLIC_CHANNELS.contains(referral.channel())) {
            throw new InvalidRequest("channel", "an agency or integration referral needs a signed-in referrer");
        }
        Agency agency = referral.referrerAgency() != null ? referral.referrerAgency()
                : referral.channel() == Channel.SELF_REFERRAL ? Agency.SELF : Agency.PUBLIC;
        if (agency != Agency.PUBLIC && agency != Agency.SELF) {
            throw new InvalidRequest("referrerAgency", "a referral without a signed-in referrer comes from the "
                    + "public (PUBLIC or SELF)");
        }
        return referral.from(agency);
    }

    /** A signed-in referrer refers for their own agency (in a district they work in: checked before). */
    private static NewReferral fromSignedIn(NewReferral referral, Caller caller) {
        if (referral.referrerAgency() != null && referral.referrerAgency() != caller.agency()) {
            throw new InvalidRequest("referrerAgency", "must be the caller's agency (" + caller.agency()
                    + ") or left out");
        }
        return referral.from(caller.agency());
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidRequest(field, "is required for this decision");
        }
        return value;
    }
}
