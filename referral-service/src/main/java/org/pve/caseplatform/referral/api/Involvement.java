package org.pve.caseplatform.referral.api;

/** How a candidate case relates to a referral waiting for screening. */
public enum Involvement {
    /** An open case in the referral's district that may be the same person. */
    PROBABLE_MATCH,
    /** An earlier case of the person (or a probable match) that is closed. */
    PRIOR_CLOSED_CASE,
    /** A case of the person (or a probable match) in another district. */
    OTHER_DISTRICT,
    /** A case sealed by escalation to the security side; shown to police screeners only. */
    SEALED_CASE
}
