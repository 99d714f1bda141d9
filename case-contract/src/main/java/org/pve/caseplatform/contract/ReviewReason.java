package org.pve.caseplatform.contract;

/** Why a review falls due: its cadence, a concern a provider raised, or consent withdrawn. */
public enum ReviewReason {
    CADENCE, CONCERN_RAISED, CONSENT_WITHDRAWN
}
