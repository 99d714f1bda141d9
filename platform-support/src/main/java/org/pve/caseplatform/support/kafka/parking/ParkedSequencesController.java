package org.pve.caseplatform.support.kafka.parking;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessPolicy;
import org.pve.caseplatform.support.security.Caller;
import org.pve.caseplatform.support.security.Operation;
import org.pve.caseplatform.support.security.RecordScope;
import org.pve.caseplatform.support.web.FieldError;
import org.pve.caseplatform.support.web.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator command over parked cases, in every service with consumers: {@code GET /ops/parked} lists the
 * service's parked sequences of the operator's districts (or of one district named), {@code POST /ops/parked/retry}
 * retries one and answers whether it drained. A case of another district answers 404 as one that is not parked.
 * Unlike the dashboard under /ops/, these need a token (they name cases).
 */
@RestController
class ParkedSequencesController {

    /** A parked sequence as listed: what, since when and why, never a record's content. */
    record ParkedSummary(String consumer, String caseId, String districtId, String reason, Instant parkedAt,
                         Instant lastTriedAt, int records, List<String> eventTypes) {

        static ParkedSummary of(ParkedSequence sequence) {
            return new ParkedSummary(sequence.consumer(), sequence.caseId(), sequence.districtId(),
                    sequence.reason(), sequence.parkedAt(), sequence.lastTriedAt(), sequence.recordCount(),
                    sequence.eventTypes());
        }
    }

    /** Which parked sequence to retry. */
    record RetryParked(String consumer, String caseId) {
    }

    private final ParkedCases parked;
    private final AccessPolicy policy;

    ParkedSequencesController(ParkedCases parked, AccessPolicy policy) {
        this.parked = parked;
        this.policy = policy;
    }

    @GetMapping("/ops/parked")
    List<ParkedSummary> list(@RequestParam(required = false) String districtId, Caller caller) {
        policy.require(caller, Operation.LIST_PARKED_SEQUENCES);
        if (districtId != null) {
            policy.requireDistrict(caller, districtId);
        }
        return parked.all().stream()
                .filter(sequence -> districtId == null || districtId.equals(sequence.districtId()))
                .filter(sequence -> policy.inScope(caller, Operation.LIST_PARKED_SEQUENCES,
                        RecordScope.district(sequence.districtId())))
                .map(ParkedSummary::of)
                .toList();
    }

    @PostMapping("/ops/parked/retry")
    RetryOutcome retry(@RequestBody(required = false) RetryParked request, Caller caller) {
        policy.require(caller, Operation.RETRY_PARKED_SEQUENCE);
        String consumer = required("consumer", request == null ? null : request.consumer());
        String caseId = required("caseId", request.caseId());
        ParkedSequence sequence = parked.find(consumer, caseId)
                .filter(found -> policy.inScope(caller, Operation.RETRY_PARKED_SEQUENCE,
                        RecordScope.district(found.districtId())))
                .orElseThrow(() -> new UnknownRecord(consumer + "/" + caseId));
        return parked.retry(sequence);
    }

    @ExceptionHandler(ParkedCases.RetryNotServed.class)
    ResponseEntity<ProblemDetail> notServed(ParkedCases.RetryNotServed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create("/problems/retry-not-served"));
        problem.setProperty("errors", List.of(new FieldError("consumer", e.getMessage())));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest(field, "is required");
        }
        return value;
    }
}
