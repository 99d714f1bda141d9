package org.pve.caseplatform.reconciliation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The MongoDB database of each service (each service's {@code spring.data.mongodb.database}). */
public record ServiceDatabases(String referral, String assessment, String plan, String audit) {

    public static final String REFERRAL_SERVICE = "referral-service";
    public static final String ASSESSMENT_SERVICE = "assessment-service";
    public static final String PLAN_SERVICE = "plan-service";
    public static final String AUDIT_SERVICE = "audit-service";

    public ServiceDatabases {
        requireName("referral", referral);
        requireName("assessment", assessment);
        requireName("plan", plan);
        requireName("audit", audit);
    }

    /** The names each service's application.yml gives by default. */
    public static ServiceDatabases defaults() {
        return new ServiceDatabases("referral", "assessment", "plan", "audit");
    }

    /** The producing services and their databases, downstream first (the order the reconciler reads them in). */
    Map<String, String> producersDownstreamFirst() {
        Map<String, String> producers = new LinkedHashMap<>();
        producers.put(PLAN_SERVICE, plan);
        producers.put(ASSESSMENT_SERVICE, assessment);
        producers.put(REFERRAL_SERVICE, referral);
        return producers;
    }

    private static void requireName(String service, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + service + " database name must not be blank");
        }
    }
}
