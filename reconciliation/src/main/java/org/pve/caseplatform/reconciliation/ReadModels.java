package org.pve.caseplatform.reconciliation;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The downstream read models kept from the case topics that reconciliation can derive from the events, by caseId:
 * plan-service's age bands ({@code age_bands}) and lead agencies ({@code lead_agency}), referral-service's case index
 * ({@code case_index}, its district), audit-service's egress state per case ({@code egress_cases}) and the messageIds
 * the egress has dealt with ({@code egress_seen}).
 */
record ReadModels(Map<String, String> ageBands, Map<String, String> leadAgencies, Map<String, String> caseIndex,
                  Map<String, String> egressStates, Set<String> egressSeen) {

    static final String AGE_BANDS = "age_bands";
    static final String LEAD_AGENCIES = "lead_agency";
    static final String CASE_INDEX = "case_index";
    static final String EGRESS_CASES = "egress_cases";
    static final String EGRESS_SEEN = "egress_seen";
    /** An egress case document without a state holds events of a case not yet screened. */
    static final String EGRESS_PENDING = "PENDING";

    static ReadModels read(MongoDatabase referral, MongoDatabase plan, MongoDatabase audit) {
        Map<String, String> egress = byCase(audit, EGRESS_CASES, "state");
        egress.replaceAll((caseId, state) -> state == null ? EGRESS_PENDING : state);
        Set<String> seen = new HashSet<>();
        audit.getCollection(EGRESS_SEEN).find().projection(Projections.include("_id"))
                .forEach(document -> seen.add(String.valueOf(document.get("_id"))));
        return new ReadModels(byCase(plan, AGE_BANDS, "ageBand"), byCase(plan, LEAD_AGENCIES, "agency"),
                byCase(referral, CASE_INDEX, "districtId"), egress, seen);
    }

    ReadModels limitedTo(Set<String> caseIds) {
        Predicate<String> outOfScope = caseId -> !caseIds.contains(caseId);
        return new ReadModels(without(ageBands, outOfScope), without(leadAgencies, outOfScope),
                without(caseIndex, outOfScope), without(egressStates, outOfScope), egressSeen);
    }

    /** Whether audit-service keeps an egress at all ({@code platform.audit.egress.enabled}, true by default). */
    boolean egressKept() {
        return !egressSeen.isEmpty();
    }

    private static Map<String, String> byCase(MongoDatabase database, String collection, String field) {
        Map<String, String> values = new HashMap<>();
        for (Document document : database.getCollection(collection).find()
                .projection(Projections.include(field))) {
            values.put(String.valueOf(document.get("_id")), document.getString(field));
        }
        return values;
    }

    private static Map<String, String> without(Map<String, String> values, Predicate<String> outOfScope) {
        Map<String, String> kept = new HashMap<>(values);
        kept.keySet().removeIf(outOfScope);
        return kept;
    }
}
