package org.pve.caseplatform.contract;

import java.util.UUID;

/** Which key protects a case's personal fields: the subject's when the subject is known, else the case's own. */
public final class PersonalDataKeys {

    private PersonalDataKeys() {
    }

    public static String keyRefFor(String subjectRef, UUID caseId) {
        return subjectRef != null ? subjectRef : "case-" + caseId;
    }
}
