package org.pve.caseplatform.assessment.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pve.caseplatform.assessment.api.AssessmentFramework;
import org.pve.caseplatform.assessment.api.AssessmentFrameworks;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The framework catalogue: the versions shipped in the jar (classpath frameworks/*.json) and any an administrator
 * publishes as JSON files in {@code platform.assessment.frameworks-dir}, without a rebuild. The service refuses to
 * start when a district's framework family has no published version, or a file is malformed.
 */
@Configuration
class AssessmentFrameworkConfiguration {

    @Bean
    AssessmentFrameworks assessmentFrameworks(ObjectMapper json, DistrictDirectory districts,
                                              @Value("${platform.assessment.frameworks-dir:}") String directory) {
        List<AssessmentFramework> frameworks = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(
                    "classpath*:frameworks/*.json")) {
                try (InputStream in = resource.getInputStream()) {
                    frameworks.add(read(json, in, resource.getDescription()));
                }
            }
            if (!directory.isBlank()) {
                try (Stream<Path> files = Files.list(Path.of(directory))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            frameworks.add(read(json, in, file.toString()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assessment frameworks", e);
        }
        AssessmentFrameworks catalogue = AssessmentFrameworks.of(frameworks);
        for (District district : districts.all()) {
            if (catalogue.latest(district.frameworkFamily()).isEmpty()) {
                throw new IllegalStateException("district " + district.districtId() + " uses framework family '"
                        + district.frameworkFamily() + "', which has no published version");
            }
        }
        return catalogue;
    }

    private static AssessmentFramework read(ObjectMapper json, InputStream in, String where) throws IOException {
        try {
            return json.readValue(in, AssessmentFramework.class);
        } catch (JsonProcessingException e) {
            throw new IOException("malformed assessment framework " + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
