package org.pve.caseplatform.referral.web;

import org.pve.caseplatform.referral.api.ScreeningQueue;
import org.pve.caseplatform.referral.query.ScreeningQueueReader;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The police screener's queue for a district (police screeners of the district only: it is where sealed involvement
 * shows). A district the caller does not work in answers as if it had no queue (404).
 */
@RestController
class ScreeningQueueController {

    private final ScreeningQueueReader queue;
    private final DistrictDirectory districts;
    private final AccessPolicy policy;

    ScreeningQueueController(ScreeningQueueReader queue, DistrictDirectory districts, AccessPolicy policy) {
        this.queue = queue;
        this.districts = districts;
        this.policy = policy;
    }

    @GetMapping("/screening-queue")
    ScreeningQueue queue(@RequestParam String districtId, Caller caller) {
        policy.require(caller, Operation.VIEW_SCREENING_QUEUE);
        if (districts.find(districtId).isEmpty()) {
            throw new InvalidRequest("districtId", "is not a known district");
        }
        policy.requireDistrict(caller, districtId);
        return new ScreeningQueue(districtId, queue.queue(districtId));
    }
}
