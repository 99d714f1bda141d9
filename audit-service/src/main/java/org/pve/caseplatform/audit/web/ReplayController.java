package org.pve.caseplatform.audit.web;

import java.net.URI;
import org.pve.caseplatform.audit.replay.ReplayProgress;
import org.pve.caseplatform.audit.replay.ReplayRequest;
import org.pve.caseplatform.audit.replay.Replays;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts a replay of the topics into fresh read models (202, then poll its progress) and reports on it. */
@RestController
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @PostMapping("/replays")
    ResponseEntity<ReplayProgress> start(@RequestBody(required = false) ReplayRequest request) {
        String replayId = replays.start(request == null ? new ReplayRequest(null, null) : request);
        return ResponseEntity.accepted().location(URI.create("/replays/" + replayId)).body(progress(replayId));
    }

    @GetMapping("/replays/{replayId}")
    ReplayProgress progress(@PathVariable String replayId) {
        return replays.progress(replayId).orElseThrow(() -> new UnknownRecord("no replay " + replayId));
    }
}
