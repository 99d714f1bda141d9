package org.pve.caseplatform.referral.inbound;

import java.util.List;
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
    }
}
