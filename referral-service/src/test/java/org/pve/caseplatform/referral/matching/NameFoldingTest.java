package org.pve.caseplatform.referral.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameFoldingTest {

    @Test
    void mullerMuellerAndMullerFoldToOneSkeleton() {
        assertThat(List.of("Müller", "Mueller", "Muller", "MÜLLER"))
                .extracting(name -> NameFolding.skeleton(NameFolding.fold(name)))
                .containsOnly("mlr");
    }

    @Test
    void mohammedMuhammadAndMohamedFoldToOneSkeleton() {
        assertThat(List.of("Mohammed", "Muhammad", "Mohamed", "Mohammad"))
                .extracting(name -> NameFolding.skeleton(NameFolding.fold(name)))
                .containsOnly("mhmd");
    }

    @Test
    void nordicLettersFoldLikeTheirTranscriptions() {
        assertThat(List.of("Jørgensen", "Joergensen", "Jorgensen"))
                .extracting(NameFolding::fold)
                .containsOnly("jorgensen");
    }

    @Test
    void differentNamesKeepDifferentSkeletons() {
        assertThat(NameFolding.skeleton(NameFolding.fold("Hansen")))
                .isNotEqualTo(NameFolding.skeleton(NameFolding.fold("Jensen")));
    }

    @Test
    void hyphenatedAndDoubleNamesSplitIntoTheirParts() {
        assertThat(NameFolding.parts("Schmidt-Yilmaz")).containsExactly("shmidt", "yilmaz");
        assertThat(NameFolding.parts("Schmidt  Yilmaz")).containsExactly("shmidt", "yilmaz");
    }

    @Test
    void particlesAloneProveNothingButANameOfOnlyAParticleIsKept() {
        assertThat(NameFolding.parts("al-Hassan")).containsExactly("hassan");
        assertThat(NameFolding.parts("van der Berg")).containsExactly("berg");
        assertThat(NameFolding.parts("Da")).containsExactly("da");
    }

    @Test
    void theWrittenFormKeepsAccentsAndHyphensButNotCaseOrSpacing() {
        assertThat(NameFolding.written("  Müller ")).isEqualTo("müller").isNotEqualTo(NameFolding.written("Muller"));
        assertThat(NameFolding.written("Schmidt-Yilmaz")).isNotEqualTo(NameFolding.written("Schmidt Yilmaz"));
        assertThat(NameFolding.written("JONAS  Peter")).isEqualTo("jonas peter");
    }
}
