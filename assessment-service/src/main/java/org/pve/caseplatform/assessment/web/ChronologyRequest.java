package org.pve.caseplatform.assessment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A panel member adds an entry to the person's life chronology: the day it is about (YYYY-MM-DD) and what happened. */
record ChronologyRequest(
        @NotNull LocalDate happenedOn,
        @NotBlank @Size(max = 8000) String entry) {
}
