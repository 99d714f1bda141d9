package org.pve.caseplatform.referral.web;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.pve.caseplatform.referral.api.KnownTo;
import org.pve.caseplatform.referral.query.KnownToReader;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Is this person known, and to which agencies?" for professionals: the answer names agencies only, and counts the
 * cases of the district named ({@code districtId}, one the caller works in, else 404) or, without one, of every
 * district the caller works in. The public may not ask (whether someone is known is what a referrer must never
 * learn).
 */
@RestController
class KnownToController {

    private final KnownToReader knownTo;
    private final Pseudonymiser pseudonymiser;
    private final AccessPolicy policy;
    private final DistrictDirectory districts;

    KnownToController(KnownToReader knownTo, Pseudonymiser pseudonymiser, AccessPolicy policy,
                      DistrictDirectory districts) {
        this.knownTo = knownTo;
        this.pseudonymiser = pseudonymiser;
        this.policy = policy;
        this.districts = districts;
    }

    @GetMapping("/subjects/known-to")
    KnownTo knownTo(@RequestParam(required = false) String givenNames,
                    @RequestParam(required = false) String familyName,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateOfBirth, @RequestParam(required = false) String districtId, Caller caller) {
        policy.require(caller, Operation.ASK_KNOWN_TO);
        required("givenNames", givenNames);
        required("familyName", familyName);
        Predicate<String> counted = caller::worksIn;
        if (districtId != null) {
            if (districts.find(districtId).isEmpty()) {
                throw new InvalidRequest("districtId", "is not a known district");
            }
            policy.requireDistrict(caller, districtId);
            counted = districtId::equals;
        }
        return knownTo.knownTo(pseudonymiser.subjectRef(givenNames, familyName, dateOfBirth), caller.isPolice(),
                counted);
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(field, "is required");
        }
    }
}
