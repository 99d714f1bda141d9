package org.pve.caseplatform.referral.api;

import java.util.List;
import java.util.UUID;

/** A case the screener may link a referral to, without detail: its id, how it relates, and why it is proposed. */
public record CaseCandidate(UUID candidateCaseId, Involvement kind, List<MatchReason> reasons) {
}
