package org.pve.caseplatform.audit.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's events folded, in the order given, into its stage, open commissions, last decision, the stages it went
 * through and its milestone durations. Pure: the same events give the same timeline, for a history and for a
 * cohort alike. An escalation to the Channel panel keeps the case on the preventive track, so its stage stays.
 */
public final class CaseTimeline {

    private static final Set<String> SCREENING = Set.of("SecurityScreenCleared", "ReferralEscalatedToSecurity",
            "ReferralClosedNoFurtherAction");
    private static final Set<String> DECISIONS = Set.of("SecurityScreenCleared", "ReferralEscalatedToSecurity",
            "ReferralClosedNoFurtherAction", "CaseReturnedFromSecurity", "FormulationAgreed", "CaseClosed");

    private CaseStage stage;
    private final Map<String, OpenCommission> open = new LinkedHashMap<>();
    private Decision lastDecision;
    private final List<StageEntry> stages = new ArrayList<>();
    private int escalations;
    private String closureOutcome;
    private Instant referredAt;
    private Instant screenedAt;
    private Instant formulationAt;
    private Instant firstCommissionAt;
    private Instant closedAt;

    private CaseTimeline() {
    }

    public static CaseTimeline of(List<TimelineEvent> events) {
        CaseTimeline timeline = new CaseTimeline();
        events.forEach(timeline::apply);
        return timeline;
    }

    private void apply(TimelineEvent event) {
        Instant at = event.occurredAt();
        switch (event.eventType() == null ? "" : event.eventType()) {
            case "ReferralReceived" -> {
                referredAt = first(referredAt, at);
                if (stage == null) {
                    enter(CaseStage.REFERRED, at);
                }
            }
            case "SecurityScreenCleared" -> enter(CaseStage.IN_ASSESSMENT, at);
            case "ReferralEscalatedToSecurity" -> {
                escalations++;
                if (!"CHANNEL_PANEL".equals(event.text("escalatedTo"))) {
                    enter(CaseStage.ESCALATED_TO_SECURITY, at);
                }
            }
            case "CaseReturnedFromSecurity" -> enter(CaseStage.REFERRED, at);
            case "ReferralClosedNoFurtherAction" -> {
                closureOutcome = "NO_FURTHER_ACTION:" + event.text("reason");
                closedAt = first(closedAt, at);
                enter(CaseStage.CLOSED_NO_FURTHER_ACTION, at);
            }
            case "FormulationAgreed" -> {
                formulationAt = first(formulationAt, at);
                enter(CaseStage.FORMULATION_AGREED, at);
            }
            case "PlanOpened" -> enter(CaseStage.PLANNED, at);
            case "ServiceCommissioned" -> {
                firstCommissionAt = first(firstCommissionAt, at);
                String commissionId = event.text("commissionId");
                if (commissionId != null) {
                    open.putIfAbsent(commissionId, new OpenCommission(commissionId, event.text("providerId"),
                            event.text("serviceType"), at));
                }
            }
            case "ServiceCompleted", "ServiceDeclined" -> open.remove(event.text("commissionId"));
            case "ServiceDeliveryStarted" -> enter(CaseStage.IN_DELIVERY, at);
            case "CaseClosed" -> {
                closureOutcome = event.text("outcome");
                closedAt = first(closedAt, at);
                enter(CaseStage.CLOSED, at);
            }
            default -> {
                // other events leave the stage as it was
            }
        }
        if (SCREENING.contains(event.eventType())) {
            screenedAt = first(screenedAt, at);
        }
        if (DECISIONS.contains(event.eventType())) {
            lastDecision = new Decision(event.eventType(), at, event.actor(), outcomeOf(event));
        }
    }

    private static String outcomeOf(TimelineEvent event) {
        return switch (event.eventType()) {
            case "ReferralEscalatedToSecurity" -> event.text("escalatedTo");
            case "ReferralClosedNoFurtherAction" -> event.text("reason");
            case "FormulationAgreed" -> event.text("interventionLevel");
            case "CaseClosed" -> event.text("outcome");
            default -> null;
        };
    }

    private void enter(CaseStage next, Instant at) {
        if (next != stage) {
            stage = next;
            stages.add(new StageEntry(next, at));
        }
    }

    private static Instant first(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    public CaseState state() {
        return new CaseState(stage, List.copyOf(open.values()), lastDecision);
    }

    public StageDurations durations() {
        return new StageDurations(between(referredAt, screenedAt), between(screenedAt, formulationAt),
                between(formulationAt, firstCommissionAt), between(firstCommissionAt, closedAt),
                between(referredAt, closedAt));
    }

    /** The stages in the order the case entered them. */
    public List<StageEntry> stages() {
        return List.copyOf(stages);
    }

    public CaseStage stage() {
        return stage;
    }

    public Instant referredAt() {
        return referredAt;
    }

    public int escalations() {
        return escalations;
    }

    /** The outcome of the closure, {@code NO_FURTHER_ACTION:<reason>} for a screener's; absent while open. */
    public String closureOutcome() {
        return closureOutcome;
    }

    private static String between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to).toString();
    }
}
