package org.pve.caseplatform.referral.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.referral.api.AddCaseToFamily;
import org.pve.caseplatform.referral.api.FamilyView;
import org.pve.caseplatform.referral.api.FormFamilyGroup;
import org.pve.caseplatform.referral.query.CaseIndex;
import org.pve.caseplatform.referral.query.CaseIndex.IndexedCase;
import org.pve.caseplatform.referral.query.FamilyViewReader;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessLog;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.CaseReads;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Family groups: siblings' and parents' cases grouped, each person keeping a case of their own. A case outside the
 * caller's reach (another district, sealed outside the police) is named as if it did not exist; reading a family is
 * a read of case detail, logged once for each member's case.
 */
@RestController
class FamilyController {

    private static final String VIEW = "family";

    private final CommandGateway commands;
    private final FamilyViewReader families;
    private final CaseIndex cases;
    private final AccessPolicy policy;
    private final CaseReads reads;
    private final AccessLog accessLog;

    FamilyController(CommandGateway commands, FamilyViewReader families, CaseIndex cases, AccessPolicy policy,
                     CaseReads reads, AccessLog accessLog) {
        this.commands = commands;
        this.families = families;
        this.cases = cases;
        this.policy = policy;
        this.reads = reads;
        this.accessLog = accessLog;
    }

    @PostMapping("/families")
    ResponseEntity<FamilyView> form(@Valid @RequestBody NewFamilyRequest request, Caller caller) {
        policy.require(caller, Operation.MANAGE_FAMILY);
        String formedBy = caller.actingAs("formedBy", request.formedBy());
        List<FamilyMember> members = request.members().stream()
                .map(member -> new FamilyMember(member.caseId(), member.relation())).toList();
        if (members.stream().map(FamilyMember::caseId).distinct().count() != members.size()) {
            throw new InvalidRequest("members", "must name each case once");
        }
        List<IndexedCase> known = members.stream().map(member -> knownCase(caller, member.caseId())).toList();
        UUID familyId = UUID.randomUUID();
        commands.sendAndWait(new FormFamilyGroup(familyId, known.get(0).districtId(), members, formedBy));
        return ResponseEntity.created(URI.create("/families/" + familyId)).body(families.find(familyId));
    }

    @PostMapping("/families/{familyId}/members")
    FamilyView add(@PathVariable UUID familyId, @Valid @RequestBody NewMemberRequest request, Caller caller) {
        policy.require(caller, Operation.MANAGE_FAMILY);
        String addedBy = caller.actingAs("addedBy", request.addedBy());
        FamilyView family = families.find(familyId);
        policy.requireInScope(caller, Operation.MANAGE_FAMILY, familyId.toString(),
                RecordScope.district(family.districtId()));
        IndexedCase member = knownCase(caller, request.caseId());
        commands.sendAndWait(new AddCaseToFamily(familyId, member.caseId(), member.districtId(), request.relation(),
                addedBy));
        return families.find(familyId);
    }

    @GetMapping("/families/{familyId}")
    FamilyView family(@PathVariable UUID familyId, Caller caller,
                      @RequestHeader(value = AccessPolicy.PURPOSE_HEADER, required = false) String purpose) {
        policy.require(caller, Operation.VIEW_FAMILY);
        FamilyView family = families.find(familyId);
        List<UUID> members = family.members().stream().map(FamilyMember::caseId).toList();
        AccessPurpose stated = reads.authorize(caller, Operation.VIEW_FAMILY, familyId.toString(), members.get(0),
                RecordScope.district(family.districtId()), purpose, VIEW);
        members.stream().skip(1).forEach(caseId -> accessLog.recordRead(caller, caseId, family.districtId(), VIEW,
                stated));
        return family;
    }

    private IndexedCase knownCase(Caller caller, UUID caseId) {
        IndexedCase indexed = cases.find(caseId).filter(found -> !found.vacated())
                .orElseThrow(() -> new UnknownRecord("case " + caseId));
        Set<Agency> agencies = indexed.referrals().values().stream().filter(agency -> agency != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Agency.class)));
        agencies.addAll(indexed.caseAgencies());
        policy.requireInScope(caller, Operation.MANAGE_FAMILY, "case " + caseId,
                RecordScope.of(indexed.districtId(), agencies).sealed(indexed.sealed()));
        return indexed;
    }
}
