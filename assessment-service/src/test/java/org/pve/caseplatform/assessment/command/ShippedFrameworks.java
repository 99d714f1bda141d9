package org.pve.caseplatform.assessment.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.pve.caseplatform.assessment.api.AssessmentFramework;
import org.pve.caseplatform.assessment.api.AssessmentFrameworks;

/** The framework versions the jar ships, read as the service reads them, plus any extra versions a test publishes. */
final class ShippedFrameworks {

    static final List<String> FILES = List.of("dk-dialogue-v1.json", "de-ppmp-v1.json", "uk-safeguarding-v1.json",
            "fr-needs-v1.json");

    private ShippedFrameworks() {
    }

    static List<AssessmentFramework> read() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        List<AssessmentFramework> frameworks = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = ShippedFrameworks.class.getResourceAsStream("/frameworks/" + file)) {
                frameworks.add(json.readValue(in, AssessmentFramework.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return frameworks;
    }

    static AssessmentFrameworks catalogue(AssessmentFramework... laterVersions) {
        List<AssessmentFramework> all = new ArrayList<>(read());
        all.addAll(List.of(laterVersions));
        return AssessmentFrameworks.of(all);
    }

    /** uk-safeguarding v2: v1 with one more extremism factor, as an administrator might publish it. */
    static AssessmentFramework ukSafeguardingV2() {
        AssessmentFramework v1 = read().stream().filter(f -> f.family().equals("uk-safeguarding")).findFirst()
                .orElseThrow();
        List<AssessmentFramework.Domain> domains = v1.domains().stream().map(domain -> {
            if (!domain.id().equals("extremism")) {
                return domain;
            }
            List<AssessmentFramework.Factor> factors = new ArrayList<>(domain.factors());
            factors.add(new AssessmentFramework.Factor("online-harm", "Exposure to online harm"));
            return new AssessmentFramework.Domain(domain.id(), domain.name(), factors);
        }).toList();
        return new AssessmentFramework(v1.family(), 2, v1.title(), v1.publishedOn().plusYears(1), v1.source(), domains,
                v1.sections());
    }
}
