package org.pve.caseplatform.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;

/**
 * A referral as a referrer gives it, in plaintext, before the platform pseudonymises and encrypts it. Over HTTP the
 * referrer's agency is the signed-in caller's (it may be left out); the inbound topic's schema requires it.
 */
public record NewReferral(
        @NotNull Channel channel,
        Agency referrerAgency,
        @NotBlank @Size(max = 64) String districtId,
        @Size(max = 64) String municipalityId,
        @Valid Subject subject,
        @NotNull AgeBand ageBand,
        @NotEmpty List<@NotNull ConcernCategory> concernCategories,
        @NotBlank @Size(max = 4000) String concernSummary,
        @Size(min = 1, max = 200) String externalReference) {

    /** The same referral, from {@code agency}. */
    public NewReferral from(Agency agency) {
        return new NewReferral(channel, agency, districtId, municipalityId, subject, ageBand, concernCategories,
                concernSummary, externalReference);
    }

    /** The person referred; absent when the referrer does not know who it is. */
    public record Subject(
            @NotBlank @Size(max = 200) String givenNames,
            @NotBlank @Size(max = 200) String familyName,
            @PastOrPresent LocalDate dateOfBirth) {
    }
}
