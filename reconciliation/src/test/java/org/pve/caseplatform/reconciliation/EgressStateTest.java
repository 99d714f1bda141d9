package org.pve.caseplatform.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The egress state a case's events lead to, as audit-service's EgressRelay moves a case. */
class EgressStateTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aCaseIsPendingUntilClearedAndOpenAfter() {
        assertThat(EgressChecks.stateAfter(events("ReferralReceived"))).isEqualTo("PENDING");
        assertThat(EgressChecks.stateAfter(events("ReferralReceived", "SecurityScreenCleared", "AssessmentOpened")))
                .isEqualTo("OPEN");
    }

    @Test
    void anEscalationSealsUnlessItGoesToTheChannelPanel() {
        assertThat(EgressChecks.stateAfter(List.of(event("ReferralReceived", null),
                event("ReferralEscalatedToSecurity", "CHANNEL_PANEL")))).isEqualTo("PENDING");
        assertThat(EgressChecks.stateAfter(List.of(event("ReferralReceived", null), event("SecurityScreenCleared",
                null), event("AssessmentEscalatedToSecurity", "POLICE_INVESTIGATION")))).isEqualTo("SEALED");
    }

    @Test
    void aCaseHandedBackFromSecurityOpensAgain() {
        assertThat(EgressChecks.stateAfter(List.of(event("ReferralReceived", null),
                event("ReferralEscalatedToSecurity", "INTELLIGENCE_SERVICE"), event("CaseReturnedFromSecurity",
                        null)))).isEqualTo("OPEN");
    }

    @Test
    void aCaseClosedAtScreeningStaysClosed() {
        assertThat(EgressChecks.stateAfter(events("ReferralReceived", "ReferralClosedNoFurtherAction")))
                .isEqualTo("CLOSED");
        assertThat(EgressChecks.stateAfter(events("ReferralReceived", "ReferralClosedNoFurtherAction",
                "CaseReturnedFromSecurity"))).isEqualTo("CLOSED");
    }

    private static List<StoredEvent> events(String... types) {
        List<StoredEvent> events = new ArrayList<>();
        for (String type : types) {
            events.add(event(type, null));
        }
        return events;
    }

    private static StoredEvent event(String type, String escalatedTo) {
        return new StoredEvent("referral-service", type + "-1", "case-1", "dk-fyn", type, "case-1", 0, AT, AT, true,
                AT, escalatedTo == null ? Map.of() : Map.of("escalatedTo", escalatedTo));
    }
}
