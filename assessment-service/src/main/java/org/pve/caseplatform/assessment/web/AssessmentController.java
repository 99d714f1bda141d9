package org.pve.caseplatform.assessment.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.api.ConcludeNoFurtherAction;
import org.pve.caseplatform.assessment.api.DescribeRiskScenario;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.EscalateAssessment;
import org.pve.caseplatform.assessment.api.ExpireConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.api.RateFactor;
import org.pve.caseplatform.assessment.api.RecordChronologyEntry;
import org.pve.caseplatform.assessment.api.RecordConfidentialityAgreement;
import org.pve.caseplatform.assessment.api.ShareAgencyInformation;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.contract.SharingPurpose;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.reference.PracticeModel;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.pve.caseplatform.support.web.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's assessment: the panel's formulations, proposed and endorsed until agreed, and the panel members'
 * confidentiality agreements, the agencies' shared information, factor ratings, life chronology and risk scenarios
 * (where the framework version has those sections), and the two endings without a plan (escalation to security,
 * no further action). Every endpoint goes through {@link AssessmentAccess} with its Operation. The assessment
 * carries its version as ETag; every change to it may send If-Match.
 */
@RestController
class AssessmentController {

    static final Duration DEFAULT_AGREEMENT_VALIDITY = Duration.ofDays(365);

    private final AssessmentAccess access;
    private final AssessmentViewReader views;
    private final CommandGateway commands;
    private final AssessmentCommands changes;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final DistrictDirectory districts;

    AssessmentController(AssessmentAccess access, AssessmentViewReader views, CommandGateway commands,
                         AssessmentCommands changes, PersonalDataVault vault, Clock clock,
                         DistrictDirectory districts) {
        this.access = access;
        this.views = views;
        this.commands = commands;
        this.changes = changes;
        this.vault = vault;
        this.clock = clock;
        this.districts = districts;
    }

    @GetMapping("/assessments/{caseId}")
    ResponseEntity<AssessmentView> assessment(Caller caller, @PathVariable UUID caseId,
                                              @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false)
                                              String purpose) {
        AssessmentView view = access.read(caller, Operation.VIEW_ASSESSMENT, caseId, purpose);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/assessments/{caseId}/formulations/{version}")
    AssessmentView.Formulation formulation(Caller caller, @PathVariable UUID caseId, @PathVariable int version,
                                           @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false)
                                           String purpose) {
        return access.read(caller, Operation.VIEW_ASSESSMENT, caseId, purpose).formulations().stream()
                .filter(formulation -> formulation.version() == version)
                .findFirst()
                .orElseThrow(() -> new UnknownRecord("formulation " + version + " of " + caseId));
    }

    @PostMapping("/assessments/{caseId}/formulations")
    ResponseEntity<FormulationAccepted> propose(Caller caller, @PathVariable UUID caseId,
                                                @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                String ifMatch,
                                                @Valid @RequestBody FormulationRequest request) {
        AssessmentView assessment = access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        String proposedBy = caller.actingAs("proposedBy", request.proposedBy());
        if (request.leadAgency() == null && request.interventionLevel() != InterventionLevel.SECURITY_LED) {
            throw new InvalidRequest("leadAgency", "is required unless the intervention is SECURITY_LED");
        }
        EncryptedValue summary = personal(assessment, request.summary());
        int version = changes.send(new ProposeFormulation(caseId, request.needs(),
                request.interventionLevel(), request.leadAgency(), proposedBy, summary), caseId, ifMatch);
        return ResponseEntity.created(URI.create("/assessments/" + caseId + "/formulations/" + version))
                .eTag(Versions.etag(views.find(caseId).version()))
                .body(new FormulationAccepted(caseId, version));
    }

    @PostMapping("/assessments/{caseId}/formulations/{version}/endorsements")
    ResponseEntity<EndorsementAccepted> endorse(Caller caller, @PathVariable UUID caseId, @PathVariable int version,
                                                @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                String ifMatch,
                                                @Valid @RequestBody(required = false) EndorsementRequest body) {
        access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        EndorsementRequest request = body == null ? new EndorsementRequest(null, null) : body;
        String endorsedBy = caller.actingAs("endorsedBy", request.endorsedBy());
        if (request.agency() != null && request.agency() != caller.agency()) {
            throw new InvalidRequest("agency", "must be the caller's own agency (" + caller.agency() + ") or left out");
        }
        changes.send(new EndorseFormulation(caseId, version, caller.agency(), endorsedBy), caseId, ifMatch);
        AssessmentView after = views.find(caseId);
        return ResponseEntity.ok().eTag(Versions.etag(after.version())).body(new EndorsementAccepted(caseId, version,
                caller.agency(), endorsedBy, after.stage(), after.version()));
    }

    @PostMapping("/assessments/{caseId}/information")
    ResponseEntity<ContributionAccepted> shareInformation(Caller caller, @PathVariable UUID caseId,
                                                          @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                          String ifMatch,
                                                          @Valid @RequestBody InformationRequest request) {
        AssessmentView assessment = access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        SharingPurpose purpose = sharingPurpose(request.purpose());
        PracticeModel model = districts.find(assessment.districtId()).map(district -> district.practiceModel())
                .orElse(null);
        String modelId = model == null ? "unknown" : model.id();
        List<String> legalBases = model == null ? List.of() : model.legalBases();
        if (!legalBases.contains(request.legalBasis())) {
            throw new InvalidRequest("legalBasis", "not a legal basis of the " + modelId + " practice model "
                    + legalBases);
        }
        EncryptedValue summary = personal(assessment, request.summary());
        changes.send(new ShareAgencyInformation(caseId, caller.agency(), caller.id(), request.legalBasis(),
                purpose, summary, modelId, legalBases), caseId, ifMatch);
        return accepted(HttpStatus.CREATED, caller, caseId);
    }

    @PostMapping("/assessments/{caseId}/ratings")
    ResponseEntity<ContributionAccepted> rateFactor(Caller caller, @PathVariable UUID caseId,
                                                    @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                    String ifMatch,
                                                    @Valid @RequestBody RatingRequest request) {
        AssessmentView assessment = access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        if (request.rating() < RateFactor.LOWEST_RATING || request.rating() > RateFactor.HIGHEST_RATING) {
            throw new InvalidRequest("rating", "must be from " + RateFactor.LOWEST_RATING + " to "
                    + RateFactor.HIGHEST_RATING);
        }
        EncryptedValue evidence = personal(assessment, request.evidence());
        changes.send(new RateFactor(caseId, request.factorId(), request.domain(), request.rating(), evidence,
                caller.id(), caller.agency()), caseId, ifMatch);
        return accepted(HttpStatus.CREATED, caller, caseId);
    }

    /** An entry of the life chronology; 400 naming section in a framework version without one. */
    @PostMapping("/assessments/{caseId}/chronology")
    ResponseEntity<ContributionAccepted> recordChronologyEntry(Caller caller, @PathVariable UUID caseId,
                                                               @RequestHeader(value = Versions.IF_MATCH,
                                                                       required = false) String ifMatch,
                                                               @Valid @RequestBody ChronologyRequest request) {
        return contribute(caller, caseId, ifMatch, request.entry(), entry ->
                new RecordChronologyEntry(caseId, request.happenedOn(), entry, caller.id(), caller.agency()));
    }

    /** A risk scenario with its likelihood; 400 naming section in a framework version without scenarios. */
    @PostMapping("/assessments/{caseId}/scenarios")
    ResponseEntity<ContributionAccepted> describeRiskScenario(Caller caller, @PathVariable UUID caseId,
                                                              @RequestHeader(value = Versions.IF_MATCH,
                                                                      required = false) String ifMatch,
                                                              @Valid @RequestBody ScenarioRequest request) {
        return contribute(caller, caseId, ifMatch, request.scenario(), scenario ->
                new DescribeRiskScenario(caseId, scenario, request.likelihood(), caller.id(), caller.agency()));
    }

    @PostMapping("/assessments/{caseId}/escalation")
    ResponseEntity<ContributionAccepted> escalate(Caller caller, @PathVariable UUID caseId,
                                                  @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody EscalationRequest request) {
        access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        changes.send(new EscalateAssessment(caseId, request.reason(), caller.id(), request.escalatedTo()), caseId,
                ifMatch);
        return accepted(HttpStatus.OK, caller, caseId);
    }

    @PostMapping("/assessments/{caseId}/conclusion")
    ResponseEntity<ContributionAccepted> conclude(Caller caller, @PathVariable UUID caseId,
                                                  @RequestHeader(value = Versions.IF_MATCH, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody ConclusionRequest request) {
        access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        changes.send(new ConcludeNoFurtherAction(caseId, request.rationale(), caller.id()), caseId, ifMatch);
        return accepted(HttpStatus.OK, caller, caseId);
    }

    @PostMapping("/assessments/{caseId}/confidentiality-agreements")
    ResponseEntity<AgreementAnswer> recordAgreement(Caller caller, @PathVariable UUID caseId,
                                                    @RequestBody(required = false) AgreementRequest request) {
        access.command(caller, Operation.RECORD_CONFIDENTIALITY_AGREEMENT, caseId, false);
        Instant now = clock.instant();
        Instant validUntil = request == null || request.validUntil() == null
                ? now.plus(DEFAULT_AGREEMENT_VALIDITY) : request.validUntil();
        if (!validUntil.isAfter(now)) {
            throw new InvalidRequest("validUntil", "must be in the future");
        }
        commands.sendAndWait(new RecordConfidentialityAgreement(caseId, caller.id(), caller.agency(), validUntil,
                caller.id()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AgreementAnswer(caseId, caller.id(), caller.agency(), validUntil, true));
    }

    @PostMapping("/assessments/{caseId}/confidentiality-agreements/{memberId}/expiry")
    AgreementAnswer expireAgreement(Caller caller, @PathVariable UUID caseId, @PathVariable String memberId) {
        AssessmentView assessment = access.command(caller, Operation.EXPIRE_CONFIDENTIALITY_AGREEMENT, caseId,
                false);
        if (caller.role() == Role.PANEL_MEMBER && !caller.id().equals(memberId)) {
            throw new Forbidden("memberId", "a panel member may expire only their own confidentiality agreement");
        }
        AssessmentView.ConfidentialityAgreement agreement = assessment.confidentialityAgreements().stream()
                .filter(a -> a.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new LifecycleViolation("memberId",
                        "no confidentiality agreement of this member is active for the case"));
        commands.sendAndWait(ExpireConfidentialityAgreement.byPerson(caseId, memberId, caller.id()));
        return new AgreementAnswer(caseId, memberId, agreement.agency(), agreement.validUntil(), false);
    }

    /** A panel member's contribution carrying one text of the person, encrypted before the command is sent. */
    private ResponseEntity<ContributionAccepted> contribute(Caller caller, UUID caseId, String ifMatch, String text,
                                                            Function<EncryptedValue, Object> command) {
        AssessmentView assessment = access.command(caller, Operation.CONTRIBUTE_TO_ASSESSMENT, caseId, true);
        changes.send(command.apply(personal(assessment, text)), caseId, ifMatch);
        return accepted(HttpStatus.CREATED, caller, caseId);
    }

    /** The text encrypted with the key of the assessment's person for this case (crypto-shredded with it). */
    private EncryptedValue personal(AssessmentView assessment, String text) {
        return vault.encrypt(PersonalDataKeys.keyRefFor(assessment.subjectRef(), assessment.caseId()), text);
    }

    private ResponseEntity<ContributionAccepted> accepted(HttpStatus status, Caller caller, UUID caseId) {
        AssessmentView after = views.find(caseId);
        return ResponseEntity.status(status).eTag(Versions.etag(after.version()))
                .body(new ContributionAccepted(caseId, caller.agency(), caller.id(), after.stage(), after.version()));
    }

    /** The stated purpose of sharing: SUPPORT or SAFEGUARDING; prosecution and anything unknown are refused. */
    private static SharingPurpose sharingPurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidRequest("purpose", "is required: one of " + Arrays.toString(SharingPurpose.values()));
        }
        if ("PROSECUTION".equals(purpose)) {
            throw new InvalidRequest("purpose", "prosecution is never a purpose of sharing on the preventive track");
        }
        return Arrays.stream(SharingPurpose.values()).filter(value -> value.name().equals(purpose)).findFirst()
                .orElseThrow(() -> new InvalidRequest("purpose", "must be one of "
                        + Arrays.toString(SharingPurpose.values())));
    }
}
