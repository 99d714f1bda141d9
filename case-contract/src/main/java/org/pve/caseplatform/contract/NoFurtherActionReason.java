package org.pve.caseplatform.contract;

/** Why a screener closed a referral without further action. */
public enum NoFurtherActionReason {
    NO_CONCERN, INSUFFICIENT_INFORMATION, REFERRED_ELSEWHERE
}
