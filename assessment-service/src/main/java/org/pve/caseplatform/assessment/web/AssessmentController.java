package org.pve.caseplatform.assessment.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.assessment.api.AssessmentView;
import org.pve.caseplatform.assessment.api.EndorseFormulation;
import org.pve.caseplatform.assessment.api.ProposeFormulation;
import org.pve.caseplatform.assessment.query.AssessmentViewReader;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A case's assessment: the panel's formulations, proposed and endorsed until agreed. */
@RestController
class AssessmentController {

    private final AssessmentViewReader views;
    private final CommandGateway commands;
    private final PersonalDataVault vault;

    AssessmentController(AssessmentViewReader views, CommandGateway commands, PersonalDataVault vault) {
        this.views = views;
        this.commands = commands;
        this.vault = vault;
    }

    @GetMapping("/assessments/{caseId}")
    AssessmentView assessment(@PathVariable UUID caseId) {
        return views.find(caseId);
    }

    @GetMapping("/assessments/{caseId}/formulations/{version}")
    AssessmentView.Formulation formulation(@PathVariable UUID caseId, @PathVariable int version) {
        return views.find(caseId).formulations().stream()
                .filter(formulation -> formulation.version() == version)
                .findFirst()
                .orElseThrow(() -> new UnknownRecord("formulation " + version + " of " + caseId));
    }

    @PostMapping("/assessments/{caseId}/formulations")
    ResponseEntity<FormulationAccepted> propose(@PathVariable UUID caseId,
                                                @Valid @RequestBody FormulationRequest request) {
        if (request.leadAgency() == null && request.interventionLevel() != InterventionLevel.SECURITY_LED) {
            throw new InvalidRequest("leadAgency", "is required unless the intervention is SECURITY_LED");
        }
        String subjectRef = views.find(caseId).subjectRef();
        EncryptedValue summary = vault.encrypt(PersonalDataKeys.keyRefFor(subjectRef, caseId), request.summary());
        int version = commands.sendAndWait(new ProposeFormulation(caseId, request.needs(),
                request.interventionLevel(), request.leadAgency(), request.proposedBy(), summary));
        return ResponseEntity.created(URI.create("/assessments/" + caseId + "/formulations/" + version))
                .body(new FormulationAccepted(caseId, version));
    }

    @PostMapping("/assessments/{caseId}/formulations/{version}/endorsements")
    AssessmentView endorse(@PathVariable UUID caseId, @PathVariable int version,
                           @Valid @RequestBody EndorsementRequest request) {
        commands.sendAndWait(new EndorseFormulation(caseId, version, request.agency(), request.endorsedBy()));
        return views.find(caseId);
    }
}
