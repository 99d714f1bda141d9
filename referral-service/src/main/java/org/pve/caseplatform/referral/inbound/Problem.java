package org.pve.caseplatform.referral.inbound;

/** One reason an inbound message is refused: the field (a JSON path) and the rule it breaks, never its value. */
record Problem(String field, String reason) {

    String text() {
        return field + ": " + reason;
    }
}
