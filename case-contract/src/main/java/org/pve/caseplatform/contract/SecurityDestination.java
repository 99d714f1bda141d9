package org.pve.caseplatform.contract;

/** Where an escalation to security sends a case. */
public enum SecurityDestination {
    INTELLIGENCE_SERVICE, POLICE_INVESTIGATION, CHANNEL_PANEL
}
