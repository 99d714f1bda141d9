package org.pve.caseplatform.support.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;

class DistrictDirectoryTest {

    private static final DistrictDirectory DIRECTORY = DistrictDirectory.load();

    @Test
    void allTheShippedDistrictsLoad() {
        assertThat(DIRECTORY.all()).hasSize(124);
        assertThat(DIRECTORY.all()).extracting(District::districtId).doesNotHaveDuplicates();
        assertThat(DIRECTORY.all()).extracting(District::country).containsOnly("DK", "GB", "FR", "DE");
    }

    @Test
    void everyCountryHasItsPracticeModel() {
        assertThat(DIRECTORY.all()).filteredOn(d -> d.country().equals("DK"))
                .hasSize(12).allMatch(d -> d.practiceModel().id().equals("INFO_HOUSE"));
        assertThat(DIRECTORY.all()).filteredOn(d -> d.country().equals("FR"))
                .hasSize(101).allMatch(d -> d.practiceModel().id().equals("CPRAF"));
        assertThat(DIRECTORY.all()).filteredOn(d -> d.country().equals("DE"))
                .hasSize(10).allMatch(d -> d.practiceModel().id().equals("CENTRE_OF_EXCELLENCE"));
    }

    @Test
    void lutonIsAMultiAgencySafeguardingHub() {
        District luton = DIRECTORY.get("uk-luton");

        assertThat(luton.country()).isEqualTo("GB");
        assertThat(luton.name()).contains("Luton");
        assertThat(luton.practiceModel().id()).isEqualTo("MASH");
        assertThat(luton.practiceModel().requiredAgencies())
                .containsExactly(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.HEALTH);
        assertThat(luton.practiceModel().defaultLeadAgency()).isEqualTo(Agency.SOCIAL_SERVICES);
        assertThat(luton.practiceModel().namesShownByDefault()).isTrue();
        assertThat(luton.practiceModel().guardianConsentBelowAge()).isEqualTo(16);
        assertThat(luton.practiceModel().legalBases())
                .containsExactly("GB-CDA-1998-S115", "GB-CA-2004-S11", "CONSENT");
        assertThat(luton.handoverDueDays()).isEqualTo(10);
        assertThat(luton.screeningDueDays()).isEqualTo(3);
        assertThat(luton.assessmentDueDays()).isEqualTo(21);
        assertThat(luton.assessmentDue()).isEqualTo(Duration.ofDays(21));
        assertThat(luton.reviewCadenceDays()).isEqualTo(30);
    }

    @Test
    void munichIsACentreOfExcellenceThatHidesNamesByDefault() {
        District munich = DIRECTORY.get("de-by-muenchen");

        assertThat(munich.name()).isEqualTo("Polizeipräsidium München");
        assertThat(munich.practiceModel().id()).isEqualTo("CENTRE_OF_EXCELLENCE");
        assertThat(munich.practiceModel().namesShownByDefault()).isFalse();
        assertThat(munich.practiceModel().requiredAgencies()).containsExactly(Agency.POLICE);
        assertThat(munich.practiceModel().defaultLeadAgency()).isEqualTo(Agency.POLICE);
    }

    @Test
    void corseDuSudExistsUnderItsDepartmentCode() {
        District corse = DIRECTORY.find("fr-2a").orElseThrow();

        assertThat(corse.country()).isEqualTo("FR");
        assertThat(corse.name()).contains("Corse-du-Sud");
        assertThat(corse.practiceModel().id()).isEqualTo("CPRAF");
        assertThat(corse.practiceModel().confidentialityAgreementRequired()).isTrue();
        assertThat(corse.practiceModel().requiredAgencies())
                .containsExactly(Agency.PREFECTURE, Agency.POLICE, Agency.EDUCATION, Agency.HEALTH);
    }

    @Test
    void danishDistrictsShareOnlyNetworkAggregates() {
        District district = DIRECTORY.get("dk-oestjylland");

        assertThat(district.name()).isEqualTo("Østjyllands Politi");
        assertThat(district.practiceModel().networkAggregatesOnly()).isTrue();
        assertThat(district.practiceModel().guardianConsentBelowAge()).isEqualTo(15);
    }

    @Test
    void anUnknownDistrictIsNotFound() {
        assertThat(DIRECTORY.find("xx-nowhere")).isEmpty();
        assertThat(DIRECTORY.find("UK-LUTON")).as("ids are exact").isEmpty();
        assertThat(DIRECTORY.find(null)).isEmpty();
        assertThatThrownBy(() -> DIRECTORY.get("xx-nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx-nowhere");
    }

    @Test
    void theDirectoryCannotBeChangedByItsReaders() {
        assertThatThrownBy(() -> DIRECTORY.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(DIRECTORY.all()).hasSize(124);
    }
}
