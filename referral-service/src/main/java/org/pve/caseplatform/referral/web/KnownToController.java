package org.pve.caseplatform.referral.web;

import java.time.LocalDate;
import org.pve.caseplatform.referral.api.KnownTo;
import org.pve.caseplatform.referral.query.KnownToReader;
import org.pve.caseplatform.support.crypto.Pseudonymiser;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Is this person known, and to which agencies?" for professionals: the answer names agencies only. The public may
 * not ask (whether someone is known is itself what a referrer must never learn).
 */
@RestController
class KnownToController {

    private final KnownToReader knownTo;
    private final Pseudonymiser pseudonymiser;

    KnownToController(KnownToReader knownTo, Pseudonymiser pseudonymiser) {
        this.knownTo = knownTo;
        this.pseudonymiser = pseudonymiser;
    }

    @GetMapping("/subjects/known-to")
    KnownTo knownTo(@RequestParam(required = false) String givenNames,
                    @RequestParam(required = false) String familyName,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateOfBirth, Caller caller) {
        if (caller.isPublic()) {
            throw new Forbidden("only professionals may ask whom a person is known to");
        }
        required("givenNames", givenNames);
        required("familyName", familyName);
        return knownTo.knownTo(pseudonymiser.subjectRef(givenNames, familyName, dateOfBirth), caller.isPolice());
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(field, "is required");
        }
    }
}
