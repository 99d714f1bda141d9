package org.pve.caseplatform.assessment.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published assessment frameworks, every version of every family. A new assessment takes the latest version of
 * its district's family; every later rule about that assessment reads the version it was opened with, so publishing
 * a new version never changes a past assessment.
 */
public final class AssessmentFrameworks {

    private final Map<String, TreeMap<Integer, AssessmentFramework>> byFamily;

    private AssessmentFrameworks(Map<String, TreeMap<Integer, AssessmentFramework>> byFamily) {
        this.byFamily = byFamily;
    }

    /** The catalogue of these versions; two definitions of the same family and version are refused. */
    public static AssessmentFrameworks of(Collection<AssessmentFramework> frameworks) {
        Map<String, TreeMap<Integer, AssessmentFramework>> byFamily = new TreeMap<>();
        for (AssessmentFramework framework : frameworks) {
            validate(framework);
            AssessmentFramework earlier = byFamily.computeIfAbsent(framework.family(), family -> new TreeMap<>())
                    .putIfAbsent(framework.version(), framework);
            if (earlier != null) {
                throw new IllegalArgumentException("framework " + framework.reference() + " is defined twice");
            }
        }
        return new AssessmentFrameworks(byFamily);
    }

    /** The version a new assessment of this family opens with: the latest published one. */
    public Optional<AssessmentFramework> latest(String family) {
        return Optional.ofNullable(byFamily.get(family)).map(versions -> versions.lastEntry().getValue());
    }

    public Optional<AssessmentFramework> find(String family, int version) {
        return Optional.ofNullable(byFamily.get(family)).map(versions -> versions.get(version));
    }

    /** Every version of every family, by family then version. */
    public List<AssessmentFramework> all() {
        return byFamily.values().stream().flatMap(versions -> versions.values().stream())
                .sorted(Comparator.comparing(AssessmentFramework::family)
                        .thenComparingInt(AssessmentFramework::version))
                .toList();
    }

    private static void validate(AssessmentFramework framework) {
        if (framework.family() == null || framework.family().isBlank() || framework.version() < 1) {
            throw new IllegalArgumentException("a framework needs a family and a version from 1: " + framework);
        }
        if (framework.domains().isEmpty()) {
            throw new IllegalArgumentException("framework " + framework.reference() + " has no domains");
        }
        List<String> domainIds = framework.domains().stream().map(AssessmentFramework.Domain::id).toList();
        if (domainIds.stream().distinct().count() != domainIds.size()) {
            throw new IllegalArgumentException("framework " + framework.reference() + " repeats a domain: "
                    + domainIds);
        }
        framework.domains().forEach(domain -> {
            Map<String, Long> counts = domain.factors().stream()
                    .collect(Collectors.groupingBy(AssessmentFramework.Factor::id, Collectors.counting()));
            if (domain.factors().isEmpty() || counts.values().stream().anyMatch(count -> count > 1)) {
                throw new IllegalArgumentException("framework " + framework.reference() + " domain " + domain.id()
                        + " has no factors or repeats one");
            }
        });
    }
}
