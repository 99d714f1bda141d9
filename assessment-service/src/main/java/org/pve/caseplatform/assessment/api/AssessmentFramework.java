package org.pve.caseplatform.assessment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One published version of an assessment framework: the domains and the factors a panel rates in them, and the
 * extra sections the framework keeps (a dated life chronology, risk scenarios). A version never changes once
 * published; a change is a new version, and an assessment keeps the version it was opened with.
 */
public record AssessmentFramework(String family, int version, String title, LocalDate publishedOn, String source,
                                  List<Domain> domains, List<Section> sections) {

    /** The optional parts of a framework beyond the factor ratings. */
    public enum Section {
        /** The developmental pathway: dated entries of the person's life chronology. */
        CHRONOLOGY,
        /** Described risk scenarios with their likelihood. */
        SCENARIOS
    }

    public AssessmentFramework {
        domains = domains == null ? List.of() : List.copyOf(domains);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A domain of the framework and its factors. */
    public record Domain(String id, String name, List<Factor> factors) {
        public Domain {
            factors = factors == null ? List.of() : List.copyOf(factors);
        }

        public Optional<Factor> factor(String factorId) {
            return factors.stream().filter(factor -> factor.id().equals(factorId)).findFirst();
        }
    }

    /** A factor a panel member rates. */
    public record Factor(String id, String name) {
    }

    public String reference() {
        return family + " v" + version;
    }

    public Optional<Domain> domain(String domainId) {
        return domains.stream().filter(domain -> domain.id().equals(domainId)).findFirst();
    }

    public boolean has(Section section) {
        return sections.contains(section);
    }
}
