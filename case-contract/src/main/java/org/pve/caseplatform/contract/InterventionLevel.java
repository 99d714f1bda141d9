package org.pve.caseplatform.contract;

/** How intense the agreed intervention is. */
public enum InterventionLevel {
    EARLY_SUPPORT, TARGETED, SECURITY_LED
}
