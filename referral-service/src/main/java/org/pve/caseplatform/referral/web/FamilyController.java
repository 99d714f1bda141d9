package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.referral.api.AddCaseToFamily;
import org.pve.caseplatform.referral.api.FamilyView;
import org.pve.caseplatform.referral.api.FormFamilyGroup;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.query.CaseIndex.IndexedCase;
import org.pve.caseplatform.referral.query.FamilyViewReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Family groups: siblings' and parents' cases grouped, each person keeping a case of their own. */
@RestController
class FamilyController {

    private final CommandGateway commands;
    private final FamilyViewReader families;
    private final CaseIndex cases;

    FamilyController(CommandGateway commands, FamilyViewReader families, CaseIndex cases) {
        this.commands = commands;
        this.families = families;
        this.cases = cases;
    }

    @PostMapping("/families")
    ResponseEntity<FamilyView> form(@Valid @RequestBody NewFamilyRequest request, Caller caller) {
        requireProfessional(caller);
        List<FamilyMember> members = request.members().stream()
                .map(member -> new FamilyMember(member.caseId(), member.relation())).toList();
        if (members.stream().map(FamilyMember::caseId).distinct().count() != members.size()) {
            throw new InvalidRequest("members", "must name each case once");
        }
        List<IndexedCase> known = members.stream().map(member -> knownCase(member.caseId())).toList();
        UUID familyId = UUID.randomUUID();
        commands.sendAndWait(new FormFamilyGroup(familyId, known.get(0).districtId(), members, request.formedBy()));
        return ResponseEntity.created(URI.create("/families/" + familyId)).body(families.find(familyId));
    }

    @PostMapping("/families/{familyId}/members")
    FamilyView add(@PathVariable UUID familyId, @Valid @RequestBody NewMemberRequest request, Caller caller) {
        requireProfessional(caller);
        families.find(familyId);
        IndexedCase member = knownCase(request.caseId());
        commands.sendAndWait(new AddCaseToFamily(familyId, member.caseId(), member.districtId(), request.relation(),
                request.addedBy()));
        return families.find(familyId);
    }

    @GetMapping("/families/{familyId}")
    FamilyView family(@PathVariable UUID familyId, Caller caller) {
        requireProfessional(caller);
        return families.find(familyId);
    }

    private IndexedCase knownCase(UUID caseId) {
        return cases.find(caseId).filter(indexed -> !indexed.vacated())
                .orElseThrow(() -> new UnknownRecord("case " + caseId));
    }

    private static void requireProfessional(Caller caller) {
        if (caller.isPublic()) {
            throw new Forbidden("only professionals may group cases as a family");
        }
    }
}
