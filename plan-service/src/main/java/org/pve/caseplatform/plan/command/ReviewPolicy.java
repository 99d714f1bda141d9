package org.pve.caseplatform.plan.command;

import java.time.Duration;

/**
 * How soon a review follows a raised concern or a withdrawn consent ({@code platform.plan.concern-review-within},
 * default P7D): the next review is brought forward to within that period when it is later.
 */
public record ReviewPolicy(Duration bringForwardWithin) {
}
