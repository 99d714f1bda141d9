package org.pve.caseplatform.plan.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.stereotype.Component;

/**
 * The person's age band per case (collection {@value #COLLECTION}, keyed by caseId), learnt from ReferralReceived
 * on the referral topic, and from it whether consent must come from a guardian: below the practice model's
 * guardian_consent_below_age, a band counts as below when its lower bound is; an unknown band, or a case whose
 * referral was never seen, needs a guardian. A known band is never overwritten by UNKNOWN.
 */
@Component
public class AgeBands implements GuardianConsent {

    static final String COLLECTION = "age_bands";

    private final MongoCollection<Document> bands;
    private final DistrictDirectory districts;

    public AgeBands(ServiceDatabase database, DistrictDirectory districts) {
        this.bands = database.database().getCollection(COLLECTION);
        this.districts = districts;
    }

    public void on(DeliveredEvent delivered) {
        if (delivered.event().orElse(null) instanceof ReferralReceived received && received.ageBand() != null) {
            record(received.caseId(), received.ageBand());
        }
    }

    void record(UUID caseId, AgeBand band) {
        bands.updateOne(Filters.eq("_id", caseId.toString()), band == AgeBand.UNKNOWN
                ? Updates.setOnInsert("ageBand", band.name())
                : Updates.set("ageBand", band.name()), new UpdateOptions().upsert(true));
    }

    public Optional<AgeBand> of(UUID caseId) {
        return Optional.ofNullable(bands.find(Filters.eq("_id", caseId.toString())).first())
                .map(found -> AgeBand.valueOf(found.getString("ageBand")));
    }

    @Override
    public boolean required(UUID caseId, String districtId) {
        int belowAge = districts.find(districtId).map(district -> district.practiceModel().guardianConsentBelowAge())
                .orElse(Integer.MAX_VALUE);
        return lowerBound(of(caseId).orElse(AgeBand.UNKNOWN)) < belowAge;
    }

    /** The youngest age in the band; UNKNOWN counts as the youngest. */
    static int lowerBound(AgeBand band) {
        return switch (band) {
            case UNDER_12, UNKNOWN -> 0;
            case AGE_12_15 -> 12;
            case AGE_16_17 -> 16;
            case AGE_18_24 -> 18;
            case AGE_25_PLUS -> 25;
        };
    }
}
