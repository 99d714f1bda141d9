package org.pve.caseplatform.referral.inbound;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.pve.caseplatform.referral.api.NewReferral;

/** What reading an inbound message gave: a referral intake can take, or the problems that refuse it for good. */
sealed interface Reading {

    /** A message that passed the schema and the rules of HTTP intake. */
    record Accepted(NewReferral referral) implements Reading {
    }

    /** A message that can never be taken as it is. */
    record Refused(List<Problem> problems) implements Reading {

        public Refused {
            problems = List.copyOf(problems);
        }

        String reason() {
            return problems.stream().map(Problem::text).collect(Collectors.joining("; "));
        }

        /**
         * The refusal in one short word, for a metric's tag: {@code empty}, {@code not-json}, {@code unknown-district},
         * {@code key} (the record key is not the externalReference), else {@code invalid} (the schema or a rule).
         */
        String kind() {
            if (has(problem -> problem.reason().startsWith("empty message"))) {
                return "empty";
            }
            if (has(problem -> problem.reason().startsWith("not well-formed JSON"))) {
                return "not-json";
            }
            if (has(problem -> problem.reason().equals(Problem.UNKNOWN_DISTRICT))) {
                return "unknown-district";
            }
            return has(problem -> problem.field().equals("key")) ? "key" : "invalid";
        }

        private boolean has(Predicate<Problem> test) {
            return problems.stream().anyMatch(test);
        }
    }
}
