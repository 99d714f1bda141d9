package org.pve.caseplatform.referral.web;

import org.pve.caseplatform.referral.api.ScreeningQueue;
import org.pve.caseplatform.referral.query.ScreeningQueueReader;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The police screener's queue for a district (police screeners only: it is where sealed involvement shows). */
@RestController
class ScreeningQueueController {

    private final ScreeningQueueReader queue;
    private final DistrictDirectory districts;

    ScreeningQueueController(ScreeningQueueReader queue, DistrictDirectory districts) {
        this.queue = queue;
        this.districts = districts;
    }

    @GetMapping("/screening-queue")
    ScreeningQueue queue(@RequestParam String districtId, Caller caller) {
        PoliceOnly.requireScreener(caller);
        if (districts.find(districtId).isEmpty()) {
            throw new InvalidRequest("districtId", "is not a known district");
        }
        return new ScreeningQueue(districtId, queue.queue(districtId));
    }
}
