package org.pve.caseplatform.support.reference;

import java.time.Duration;

/** A district the platform serves, with its practice model and its deadlines (reference/districts.csv). */
public record District(String districtId, String country, String name, PracticeModel practiceModel,
                       String frameworkFamily, int screeningDueDays, int assessmentDueDays, int handoverDueDays,
                       int reviewCadenceDays) {

    public Duration assessmentDue() {
        return Duration.ofDays(assessmentDueDays);
    }
}
