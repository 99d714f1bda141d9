package org.pve.caseplatform.audit.history;

import java.util.Set;

/**
 * Whether a case is sealed on the security side: escalated to security other than to the Channel panel, at
 * screening, from the assessment or from the plan, and not handed back since. A sealed case exists only for the
 * police.
 */
public final class SecuritySeal {

    public static final String ESCALATED = "ReferralEscalatedToSecurity";
    /** Every escalation to the security side: at screening, from the assessment panel, from the plan's review. */
    public static final Set<String> ESCALATIONS = Set.of(ESCALATED, "AssessmentEscalatedToSecurity",
            "CaseEscalatedToSecurity");
    public static final String RETURNED = "CaseReturnedFromSecurity";
    public static final String CHANNEL_PANEL = "CHANNEL_PANEL";

    private SecuritySeal() {
    }

    /** Whether the case is sealed after the event, given whether it was before. */
    public static boolean after(boolean sealed, String eventType, Object escalatedTo) {
        if (ESCALATIONS.contains(eventType)) {
            return sealed || !CHANNEL_PANEL.equals(escalatedTo == null ? null : escalatedTo.toString());
        }
        if (RETURNED.equals(eventType)) {
            return false;
        }
        return sealed;
    }

    /** Whether the event seals a case: an escalation to security other than to the Channel panel. */
    public static boolean seals(String eventType, Object escalatedTo) {
        return after(false, eventType, escalatedTo);
    }
}
