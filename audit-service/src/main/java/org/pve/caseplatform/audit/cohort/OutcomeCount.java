package org.pve.caseplatform.audit.cohort;

/** How many escalations ({@code kind} ESCALATION, by destination) or closures (CLOSURE, by outcome) a district saw. */
public record OutcomeCount(String districtId, String kind, String outcome, Integer cases, boolean suppressed) {
}
