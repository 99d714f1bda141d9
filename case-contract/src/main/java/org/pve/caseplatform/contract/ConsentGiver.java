package org.pve.caseplatform.contract;

/** Who gave consent: the person themself, or a guardian for a person below the practice model's age. */
public enum ConsentGiver {
    SUBJECT, GUARDIAN
}
