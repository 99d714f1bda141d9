package org.pve.caseplatform.referral.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.referral.api.FamilyView;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.eventstore.EventStreams;
import org.springframework.stereotype.Component;

/** Builds a family group's view from its own events. */
@Component
public class FamilyViewReader {

    private final EventStreams streams;

    public FamilyViewReader(EventStreams streams) {
        this.streams = streams;
    }

    public FamilyView find(UUID familyId) {
        EventStreams.Stream stream = streams.of(familyId.toString());
        if (!(stream.events().get(0) instanceof FamilyGroupFormed formed)) {
            throw new UnknownRecord(familyId.toString());
        }
        List<FamilyMember> members = new ArrayList<>(formed.members());
        for (CaseEvent event : stream.events()) {
            if (event instanceof CaseAddedToFamily added) {
                members.add(new FamilyMember(added.caseId(), added.relation()));
            }
        }
        return new FamilyView(familyId, formed.districtId(), List.copyOf(members), formed.formedBy(),
                formed.occurredAt(), stream.version());
    }
}
