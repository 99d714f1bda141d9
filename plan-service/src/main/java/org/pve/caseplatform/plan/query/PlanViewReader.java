package org.pve.caseplatform.plan.query;

import java.time.Duration;
import java.util.UUID;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.PersonalDataKeys;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.plan.api.CommissionDetail;
import org.pve.caseplatform.plan.api.PlanView;
import org.pve.caseplatform.support.crypto.PersonalDataVault;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.eventstore.EventStreams;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.stereotype.Component;

/** Builds a plan's view from its own events, decrypting what the key store can still open. */
@Component
public class PlanViewReader {

    private final EventStreams streams;
    private final PersonalDataVault vault;
    private final DistrictDirectory districts;

    public PlanViewReader(EventStreams streams, PersonalDataVault vault, DistrictDirectory districts) {
        this.streams = streams;
        this.vault = vault;
        this.districts = districts;
    }

    /** The whole plan; {@link UnknownRecord} when the case has no plan. */
    public PlanView find(UUID caseId) {
        EventStreams.Stream stream = streams.of(caseId.toString());
        PlanDraft draft = new PlanDraft(vault, districtId -> districts.find(districtId)
                .map(district -> Duration.ofDays(district.handoverDueDays())));
        for (CaseEvent event : stream.events()) {
            draft.apply(event);
        }
        return draft.view(stream.version());
    }

    /** One commission of the plan; {@link UnknownRecord} when the plan has no such one. */
    public CommissionDetail commission(UUID caseId, UUID commissionId) {
        return find(caseId).commission(commissionId)
                .orElseThrow(() -> new UnknownRecord("commission " + commissionId));
    }

    /** The key that protects the personal fields of the case's plan. */
    public String keyRef(UUID caseId) {
        return streams.of(caseId.toString()).events().stream()
                .filter(PlanOpened.class::isInstance)
                .map(PlanOpened.class::cast)
                .findFirst()
                .map(opened -> PersonalDataKeys.keyRefFor(opened.subjectRef(), caseId))
                .orElseThrow(() -> new UnknownRecord("plan " + caseId));
    }
}
