package org.pve.caseplatform.support.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.security.Forbidden;
import org.pve.caseplatform.support.web.InvalidRequest;

/** Matchers for the refusals the aggregates throw, each naming the field the HTTP problem will name. */
public final class Refusals {

    private Refusals() {
    }

    /** An InvalidRequest (HTTP 400) naming the field, its reason containing {@code reasonPart}. */
    public static Matcher<InvalidRequest> invalid(String field, String reasonPart) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidRequest invalid) {
                return field.equals(invalid.field()) && invalid.getMessage().contains(reasonPart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidRequest naming " + field + " with " + reasonPart);
            }
        };
    }

    /** An InvalidRequest (HTTP 400) naming the field, whatever its reason. */
    public static Matcher<InvalidRequest> invalid(String field) {
        return invalid(field, "");
    }

    /** A LifecycleViolation (HTTP 409) naming the field. */
    public static Matcher<LifecycleViolation> violationOf(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LifecycleViolation violation) {
                return field.equals(violation.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LifecycleViolation naming " + field);
            }
        };
    }

    /** A Forbidden (HTTP 403) naming the field. */
    public static Matcher<Forbidden> forbiddenNaming(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Forbidden forbidden) {
                return field.equals(forbidden.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a Forbidden naming " + field);
            }
        };
    }
}
