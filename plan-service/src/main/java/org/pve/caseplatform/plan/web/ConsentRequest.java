package org.pve.caseplatform.plan.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pve.caseplatform.contract.ConsentGiver;
import org.pve.caseplatform.contract.ServiceType;

/**
 * Consent to services of the types in scope, given by the person (SUBJECT) or a guardian (GUARDIAN); who records it
 * is the caller (recordedBy, if given, must name the caller).
 */
record ConsentRequest(
        @NotEmpty @Size(max = 20) List<@NotNull ServiceType> scope,
        @NotNull ConsentGiver givenBy,
        @Size(max = 200) String recordedBy) {
}
