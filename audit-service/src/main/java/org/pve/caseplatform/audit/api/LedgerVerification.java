package org.pve.caseplatform.audit.api;

import java.util.List;

/** The outcome of recomputing every chain of the ledger: verified only when no chain has a problem. */
public record LedgerVerification(boolean verified, List<ChainVerification> chains) {

    /** One chain (topic/partition): its links, head, last anchor and the first problem found, if any. */
    public record ChainVerification(String chain, long entries, Long head, String headHash, Long lastAnchor,
                                    List<ChainProblem> problems) {
    }

    /** Where a chain stops being the record the topic holds. */
    public record ChainProblem(ProblemKind kind, long position, String messageId, String detail) {
    }

    /** What is wrong at a position. */
    public enum ProblemKind { ALTERED, REMOVED, INSERTED, REORDERED, TAIL_CUT, BAD_ANCHOR }
}
