package org.pve.caseplatform.audit.history;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How long a case took between its milestones, as ISO-8601 durations (e.g. {@code PT2H30M}); a duration whose end
 * was not reached is absent. {@code referralToClosure} spans the whole case, whichever way it closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageDurations(String referralToScreening, String screeningToFormulation,
                             String formulationToFirstCommission, String firstCommissionToClosure,
                             String referralToClosure) {
}
