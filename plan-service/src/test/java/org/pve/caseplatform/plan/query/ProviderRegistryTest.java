package org.pve.caseplatform.plan.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.support.reference.DistrictDirectory;

class ProviderRegistryTest {

    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private final ProviderRegistry registry = new ProviderRegistry(DISTRICTS);

    @Test
    void theShippedRegistryLoadsWithTheProvidersThePlansUse() {
        Provider mentorNet = registry.find("ngo-mentor-net").orElseThrow();

        assertThat(mentorNet.serviceTypes()).containsExactly(ServiceType.MENTORING, ServiceType.EDUCATION_SUPPORT,
                ServiceType.FAMILY_SUPPORT);
        assertThat(mentorNet.districts()).containsExactlyInAnyOrder("dk-fyn", "dk-nordjylland", "uk-luton", "fr-75",
                "de-by-muenchen", "fr-01");
        assertThat(registry.find("ngo-exit-fyn")).isPresent();
        assertThat(registry.find("ngo-bridge")).isPresent();
        assertThat(registry.find("provider-mentor-house")).isPresent();
        assertThat(registry.find("ngo-elsewhere")).isPresent();
        assertThat(registry.find("provider-elsewhere")).isPresent();
        assertThat(registry.find("ngo-x")).isPresent();
    }

    @Test
    void everyShippedDistrictAndServiceTypeHasAtLeastOneOfTheNamedKinds() {
        assertThat(registry.serving("uk-luton", ServiceType.PSYCHOLOGICAL_THERAPY)).isNotEmpty();
        assertThat(registry.serving("uk-luton", ServiceType.HOUSING_SUPPORT)).isNotEmpty();
        assertThat(registry.serving("uk-luton", ServiceType.FAITH_GUIDANCE)).isNotEmpty();
        assertThat(registry.serving("dk-fyn", ServiceType.EXIT_PROGRAMME)).isNotEmpty();
    }

    @Test
    void aProviderOffersOnlyItsServicesInItsDistricts() {
        assertThat(registry.offers("ngo-exit-fyn", ServiceType.EXIT_PROGRAMME, "dk-fyn")).isTrue();
        assertThat(registry.offers("ngo-exit-fyn", ServiceType.EXIT_PROGRAMME, "uk-luton")).isFalse();
        assertThat(registry.offers("ngo-exit-fyn", ServiceType.HOUSING_SUPPORT, "dk-fyn")).isFalse();
        assertThat(registry.offers("provider-elsewhere", ServiceType.MENTORING, "dk-fyn")).isFalse();
        assertThat(registry.offers("ngo-unregistered", ServiceType.MENTORING, "dk-fyn")).isFalse();
        assertThat(registry.offers(null, ServiceType.MENTORING, "dk-fyn")).isFalse();
        assertThat(registry.find("ngo-unregistered")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void servingListsTheDistrictsProvidersByIdOptionallyOfOneServiceType() {
        assertThat(registry.serving("fr-01", null)).extracting(Provider::providerId)
                .containsExactly("ngo-elsewhere", "ngo-mentor-net", "ngo-parent-circle", "provider-elsewhere",
                        "provider-steady-steps");
        assertThat(registry.serving("dk-fyn", ServiceType.HOUSING_SUPPORT)).extracting(Provider::providerId)
                .containsExactly("ngo-bridge");
        assertThat(registry.serving("dk-fyn", ServiceType.MENTORING)).extracting(Provider::providerId)
                .contains("ngo-bridge", "ngo-exit-fyn", "ngo-mentor-net", "ngo-x", "provider-mentor-house")
                .doesNotContain("ngo-elsewhere", "provider-elsewhere");
        assertThat(registry.serving("dk-bornholm", null)).isEmpty();
        assertThat(registry.serving("xx-nowhere", ServiceType.MENTORING)).isEmpty();
    }

    @Test
    void anUnknownServiceTypeStopsStartUpNamingTheLine() {
        assertThatThrownBy(() -> new ProviderRegistry(DISTRICTS, "providers/unknown-service-type.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("providers/unknown-service-type.csv line 3")
                .hasMessageContaining("unknown service type ASTROLOGY");
    }

    @Test
    void anUnknownDistrictStopsStartUpNamingTheLine() {
        assertThatThrownBy(() -> new ProviderRegistry(DISTRICTS, "providers/unknown-district.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("providers/unknown-district.csv line 5")
                .hasMessageContaining("unknown district xx-atlantis");
    }

    @Test
    void aDuplicateOrMalformedLineStopsStartUp() {
        assertThatThrownBy(() -> new ProviderRegistry(DISTRICTS, "providers/duplicate.csv"))
                .hasMessageContaining("line 3").hasMessageContaining("duplicate provider ngo-fine");
        assertThatThrownBy(() -> new ProviderRegistry(DISTRICTS, "providers/malformed.csv"))
                .hasMessageContaining("line 2").hasMessageContaining("expected providerId,name,serviceTypes,districts");
        assertThatThrownBy(() -> new ProviderRegistry(DISTRICTS, "providers/missing.csv"))
                .hasMessageContaining("missing resource providers/missing.csv");
    }
}
