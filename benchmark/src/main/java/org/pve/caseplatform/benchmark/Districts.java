package org.pve.caseplatform.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.pve.caseplatform.support.reference.District;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Where the benchmark's cases live. Cheap cases (referrals only) go to all of the platform's districts in turn. Full
 * lifecycles need a provider the plan may commission, so they go to the districts where the provider the benchmark
 * acts for offers mentoring, as the plan-service jar being run registers them (its providers.csv), leaving out the
 * practice models whose panel members must first record confidentiality agreements (CPRAF).
 */
record Districts(List<String> all, List<String> lifecycle) {

    static final String PROVIDER = "ngo-mentor-net";
    static final String SERVICE_TYPE = "MENTORING";

    static Districts of(Path planServiceJar) {
        DistrictDirectory directory = DistrictDirectory.load();
        List<String> all = directory.all().stream().map(District::districtId).sorted().toList();
        List<String> served = providerDistricts(planServiceJar);
        List<String> lifecycle = served.stream()
                .filter(id -> directory.find(id).map(d -> !d.practiceModel().confidentialityAgreementRequired())
                        .orElse(false))
                .sorted().toList();
        if (lifecycle.isEmpty()) {
            throw new IllegalStateException(PROVIDER + " offers " + SERVICE_TYPE + " in no district the benchmark "
                    + "can drive a full lifecycle in; see plan-service providers.csv");
        }
        return new Districts(all, lifecycle);
    }

    /** The districts where the provider offers the service type, per a providers.csv line. */
    static List<String> servedBy(List<String> providerLines) {
        for (String line : providerLines) {
            String[] cells = line.split(",", -1);
            if (cells.length == 4 && cells[0].strip().equals(PROVIDER)
                    && Arrays.asList(cells[2].split(";")).contains(SERVICE_TYPE)) {
                return Arrays.stream(cells[3].split(";")).map(String::strip).toList();
            }
        }
        return List.of();
    }

    private static List<String> providerDistricts(Path planServiceJar) {
        try (JarFile jar = new JarFile(planServiceJar.toFile())) {
            ZipEntry entry = jar.getEntry("BOOT-INF/classes/providers.csv");
            if (entry == null) {
                throw new IllegalStateException("no providers.csv in " + planServiceJar);
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
                return servedBy(reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + planServiceJar, e);
        }
    }
}
