package org.pve.caseplatform.audit.cohort;

/**
 * How long the cases of a district stayed in a stage they have left: the median and 90th percentile (nearest
 * rank) as ISO-8601 durations over {@code stays} stays; null and suppressed when fewer than 5 are counted.
 */
public record TimeInStage(String districtId, String stage, Integer stays, String p50, String p90,
                          boolean suppressed) {
}
