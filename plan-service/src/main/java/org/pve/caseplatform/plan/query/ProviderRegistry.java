package org.pve.caseplatform.plan.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.support.reference.DistrictDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The providers a plan may commission, read from the classpath's {@code providers.csv}
 * (providerId,name,serviceTypes,districts; lists separated by ';'). The file is checked at start-up: an unknown
 * service type or district, a duplicate id or a malformed line stops the service, naming the line.
 */
@Component
public class ProviderRegistry {

    static final String RESOURCE = "providers.csv";

    private final Map<String, Provider> providers;

    @Autowired
    public ProviderRegistry(DistrictDirectory districts) {
        this(districts, RESOURCE);
    }

    ProviderRegistry(DistrictDirectory districts, String resource) {
        this.providers = load(districts, resource);
    }

    /** Whether the provider is registered for that service in that district. */
    public boolean offers(String providerId, ServiceType type, String districtId) {
        return find(providerId).map(provider -> provider.offers(type, districtId)).orElse(false);
    }

    public Optional<Provider> find(String providerId) {
        return providerId == null ? Optional.empty() : Optional.ofNullable(providers.get(providerId));
    }

    /** The providers working in a district, offering the given service type when one is given, ordered by id. */
    public List<Provider> serving(String districtId, ServiceType typeOrNull) {
        return providers.values().stream()
                .filter(provider -> provider.districts().contains(districtId))
                .filter(provider -> typeOrNull == null || provider.serviceTypes().contains(typeOrNull))
                .sorted(Comparator.comparing(Provider::providerId))
                .toList();
    }

    private static Map<String, Provider> load(DistrictDirectory districts, String resource) {
        Map<String, Provider> loaded = new LinkedHashMap<>();
        List<String> lines = lines(resource);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = resource + " line " + (i + 1);
            Provider provider = parse(line, where, districts);
            if (loaded.putIfAbsent(provider.providerId(), provider) != null) {
                throw new IllegalStateException(where + ": duplicate provider " + provider.providerId());
            }
        }
        return Map.copyOf(loaded);
    }

    private static Provider parse(String line, String where, DistrictDirectory districts) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4 || cells[0].isBlank() || cells[1].isBlank()) {
            throw new IllegalStateException(where + ": expected providerId,name,serviceTypes,districts");
        }
        Set<ServiceType> types = new LinkedHashSet<>();
        for (String name : list(cells[2], where, "service types")) {
            try {
                types.add(ServiceType.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": unknown service type " + name, e);
            }
        }
        Set<String> served = new LinkedHashSet<>();
        for (String districtId : list(cells[3], where, "districts")) {
            if (districts.find(districtId).isEmpty()) {
                throw new IllegalStateException(where + ": unknown district " + districtId);
            }
            served.add(districtId);
        }
        return new Provider(cells[0].trim(), cells[1].trim(), types, served);
    }

    private static List<String> list(String cell, String where, String what) {
        List<String> items = Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new IllegalStateException(where + ": no " + what);
        }
        return items;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ProviderRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
