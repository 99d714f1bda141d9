package org.pve.caseplatform.audit.web;

import java.net.URI;
import org.pve.caseplatform.audit.replay.ReplayProgress;
import org.pve.caseplatform.audit.replay.ReplayRequest;
import org.pve.caseplatform.audit.replay.Replays;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.security.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a replay of the topics into fresh read models (202, then poll its progress) and reports on it
 * (RUN_REPLAY). A replay of one district needs a caller who works there (404 otherwise, as for no such district);
 * a replay of every district a caller who works in every district (403 naming districtId). A replay the caller
 * could not have started is answered as one that does not exist.
 */
@RestController
class ReplayController {

    private final Replays replays;
    private final AccessPolicy policy;

    ReplayController(Replays replays, AccessPolicy policy) {
        this.replays = replays;
        this.policy = policy;
    }

    @PostMapping("/replays")
    ResponseEntity<ReplayProgress> start(@RequestBody(required = false) ReplayRequest request, Caller caller) {
        policy.require(caller, Operation.RUN_REPLAY);
        ReplayRequest asked = request == null ? new ReplayRequest(null, null) : request;
        if (asked.districtId() != null) {
            policy.requireDistrict(caller, asked.districtId());
        } else if (!caller.worksInEveryDistrict()) {
            throw new Forbidden("districtId", "a replay of every district needs a caller who works in every "
                    + "district; name one of yours");
        }
        String replayId = replays.start(asked);
        return ResponseEntity.accepted().location(URI.create("/replays/" + replayId))
                .body(progress(replayId, caller));
    }

    @GetMapping("/replays/{replayId}")
    ReplayProgress progress(@PathVariable String replayId, Caller caller) {
        policy.require(caller, Operation.RUN_REPLAY);
        return replays.progress(replayId)
                .filter(progress -> progress.districtId() == null ? caller.worksInEveryDistrict()
                        : caller.worksIn(progress.districtId()))
                .orElseThrow(() -> new UnknownRecord("no replay " + replayId));
    }
}
