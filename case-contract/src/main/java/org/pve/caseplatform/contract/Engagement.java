package org.pve.caseplatform.contract;

/** How the person engages with a commissioned service. */
public enum Engagement {
    ENGAGED, PARTIAL, DISENGAGED
}
