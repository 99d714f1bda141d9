package org.pve.caseplatform.referral.inbound;

/** One reason an inbound message is refused: the field (a JSON path) and the rule it breaks, never its value. */
record Problem(String field, String reason) {

    static final String UNKNOWN_DISTRICT = "is not a known district";

    String text() {
        return field + ": " + reason;
    }
}
