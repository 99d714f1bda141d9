package org.pve.caseplatform.support.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.pve.caseplatform.support.domain.ConcurrentChange;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.domain.StaleVersion;
import org.pve.caseplatform.support.domain.UnknownRecord;
import org.pve.caseplatform.support.security.AccessLog;
import org.pve.caseplatform.support.security.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal as application/problem+json with an {@code errors} list of {field, reason}: 400 for bad input,
 * 404 for an unknown record, 409 for a command the case's stage does not allow or a change that lost a race to
 * another, 412 for a change based on a stale version (If-Match). It runs before Spring's own
 * problem-details handler, which still answers what is not named here (405, 415, ...).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream()
                        .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request body cannot be read",
                List.of(describe(e.getCause())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "A required parameter is missing",
                List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatchedParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "A parameter has the wrong form",
                List.of(new FieldError(e.getName(), reasonFor(e.getRequiredType(), Enum::name))));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields",
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AccessLog.AccessLogUnavailable.class)
    ResponseEntity<ProblemDetail> accessLogUnavailable(AccessLog.AccessLogUnavailable e) {
        log.warn("refused a case-detail read: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "access-log-unavailable", e.getMessage(),
                List.of(new FieldError("accessLog", e.getMessage())));
    }

    @ExceptionHandler(LifecycleViolation.class)
    ResponseEntity<ProblemDetail> lifecycleViolation(LifecycleViolation e) {
        return problem(HttpStatus.CONFLICT, "lifecycle-violation", e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler({UnknownRecord.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> unknownRecord(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such record",
                List.of(new FieldError("id", "no such record")));
    }

    @ExceptionHandler(StaleVersion.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersion e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", e.getMessage(),
                List.of(new FieldError(Versions.IF_MATCH, "names version " + e.expectedVersion()
                        + "; the record is at version " + e.currentVersion())));
        answer.getBody().setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .eTag(Versions.etag(e.currentVersion())).body(answer.getBody());
    }

    @ExceptionHandler(ConcurrentChange.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentChange e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "concurrent-change", e.getMessage(),
                List.of(new FieldError("version", "changed concurrently; the record is now at version "
                        + e.currentVersion())));
        answer.getBody().setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .eTag(Versions.etag(e.currentVersion())).body(answer.getBody());
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingAggregateVersionException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Another change to this record came first; retry",
                List.of(new FieldError("version", "changed concurrently")));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof LifecycleViolation violation) {
            return lifecycleViolation(violation);
        }
        if (cause instanceof UnknownRecord || cause instanceof AggregateNotFoundException) {
            return unknownRecord((RuntimeException) cause);
        }
        if (cause instanceof InvalidRequest invalid) {
            return invalidRequest(invalid);
        }
        if (cause instanceof Forbidden forbidden) {
            return forbidden(forbidden);
        }
        if (cause instanceof StaleVersion stale) {
            return staleVersion(stale);
        }
        if (cause instanceof ConcurrentChange concurrent) {
            return concurrentChange(concurrent);
        }
        log.error("command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The command could not be completed",
                List.of());
    }

    private static FieldError describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                return new FieldError("body", "is not well-formed JSON");
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid) {
            return new FieldError(path(invalid), reasonFor(invalid.getTargetType(), ProblemResponses::jsonName));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "has the wrong type or form");
        }
        if (cause instanceof JsonProcessingException) {
            return new FieldError("body", "is not well-formed JSON");
        }
        return new FieldError("body", "is missing or unreadable");
    }

    private static String reasonFor(Class<?> target, Function<Enum<?>, String> naming) {
        return target != null && target.isEnum()
                ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> naming.apply((Enum<?>) c))
                .collect(Collectors.joining(", "))
                : "is not a valid " + typeName(target);
    }

    /** The name Jackson reads a constant by: its {@code @JsonProperty} when it has one. */
    private static String jsonName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.getSimpleName().equals("UUID")) {
            return "UUID";
        }
        if (type.getSimpleName().equals("LocalDate")) {
            return "date (YYYY-MM-DD)";
        }
        return type.getSimpleName();
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
                                                 List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
