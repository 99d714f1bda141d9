package org.pve.caseplatform.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pve.caseplatform.contract.Agency;

/** Schedule a district's panel meeting: when, who attends (each for an agency), which cases are on the agenda. */
record MeetingRequest(
        @NotBlank @Size(max = 64) String districtId,
        @NotNull Instant heldOn,
        @NotEmpty @Size(max = 40) List<@NotNull @Valid Attendee> attendees,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> agenda) {

    /** A member invited to the meeting and the agency they sit for. */
    record Attendee(@NotBlank @Size(max = 200) String memberId, @NotNull Agency agency) {
    }
}
