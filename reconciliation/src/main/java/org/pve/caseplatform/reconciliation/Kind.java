package org.pve.caseplatform.reconciliation;

/** What kind of difference the reconciler found; docs/operations/reconciliation.md says what to do about each. */
public enum Kind {
    /** A producing service stored and published an event that the ledger does not hold. */
    MISSING_FROM_LEDGER,
    /** The ledger holds an entry that no producing service stored. */
    LEDGER_WITHOUT_SOURCE,
    /** The ledger's entry and the stored event disagree on the event's type, case, district or producer. */
    LEDGER_DISAGREES,
    /** The same event (messageId, or an aggregate's sequence number) is stored twice. */
    DUPLICATE_EVENT,
    /** An event is still unpublished after the grace period: the outbox relay is not publishing it. */
    OUTBOX_STUCK,
    /** An upstream event that must cause something downstream did not. */
    MISSING_DOWNSTREAM,
    /** A downstream service holds something without the upstream event that causes it. */
    DOWNSTREAM_WITHOUT_CAUSE,
    /** A read model kept from the events (audit's cohort and egress, plan's age bands, ...) disagrees with them. */
    READ_MODEL_DISAGREES
}
