package org.pve.caseplatform.support.web;

/** One entry of a problem's {@code errors} member: which field, and what is wrong with it. */
public record FieldError(String field, String reason) {
}
