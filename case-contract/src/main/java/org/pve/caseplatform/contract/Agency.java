package org.pve.caseplatform.contract;

/** The agencies that refer, sit on panels, own cases or provide services. */
public enum Agency {
    POLICE, SOCIAL_SERVICES, HEALTH, MENTAL_HEALTH, EDUCATION, PROBATION, PRISON, YOUTH_SERVICES, PREFECTURE, NGO,
    PUBLIC, SELF
}
