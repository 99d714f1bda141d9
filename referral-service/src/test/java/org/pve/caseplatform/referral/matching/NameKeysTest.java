package org.pve.caseplatform.referral.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.referral.api.MatchReason.DOUBLE_FAMILY_NAME;
import static org.pve.caseplatform.referral.api.MatchReason.FAMILY_NAME_SPELLING;
import static org.pve.caseplatform.referral.api.MatchReason.GIVEN_NAMES_DIFFER;
import static org.pve.caseplatform.referral.api.MatchReason.MISSING_DATE_OF_BIRTH;
import static org.pve.caseplatform.referral.api.MatchReason.NAMES_SWAPPED;
import static org.pve.caseplatform.referral.api.MatchReason.SAME_IDENTITY;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate selection on blind keys: who may be the same person, and the reasons the screener is given. */
class NameKeysTest {

    private static final LocalDate BORN = LocalDate.of(2008, 2, 11);
    private final BlindKeys keys = new BlindKeys("an invented secret of thirty-two bytes!!".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void muellerAndMullerAreProbablyMuller() {
        NameKeys mueller = keys.of("Jonas", "Müller", BORN);

        assertThat(mueller.compare(keys.of("Jonas", "Mueller", BORN))).contains(List.of(FAMILY_NAME_SPELLING));
        assertThat(mueller.compare(keys.of("Jonas", "Muller", BORN))).contains(List.of(FAMILY_NAME_SPELLING));
        assertThat(keys.of("Jonas", "Mueller", BORN).compare(keys.of("Jonas", "Muller", BORN)))
                .contains(List.of(FAMILY_NAME_SPELLING));
    }

    @Test
    void transliterationsOfMohammedAreProbablyOneName() {
        NameKeys mohammed = keys.of("Yusuf", "Mohammed", BORN);

        assertThat(mohammed.compare(keys.of("Yusuf", "Muhammad", BORN)))
                .contains(List.of(FAMILY_NAME_SPELLING));
        assertThat(mohammed.compare(keys.of("Yusuf", "Mohamed", BORN)))
                .contains(List.of(FAMILY_NAME_SPELLING));
        assertThat(keys.of("Mohamed", "Haddad", BORN).compare(keys.of("Muhammad", "Haddad", BORN)))
                .contains(List.of(GIVEN_NAMES_DIFFER));
    }

    @Test
    void swappedGivenAndFamilyNamesAreProbablyOnePerson() {
        assertThat(keys.of("Yusuf", "Mohammed", BORN).compare(keys.of("Mohammed", "Yusuf", BORN)))
                .contains(List.of(NAMES_SWAPPED));
    }

    @Test
    void onePartOfADoubleFamilyNameIsProbablyTheSameFamily() {
        NameKeys hyphenated = keys.of("Lea", "Schmidt-Yilmaz", BORN);

        assertThat(hyphenated.compare(keys.of("Lea", "Yilmaz", BORN))).contains(List.of(DOUBLE_FAMILY_NAME));
        assertThat(hyphenated.compare(keys.of("Lea", "Schmidt", BORN))).contains(List.of(DOUBLE_FAMILY_NAME));
        assertThat(hyphenated.compare(keys.of("Lea", "Schmidt Yilmaz", BORN)))
                .contains(List.of(FAMILY_NAME_SPELLING));
    }

    @Test
    void aMissingDateOfBirthMatchesAnyDateButSaysSo() {
        assertThat(keys.of("Jonas", "Müller", null).compare(keys.of("Jonas", "Müller", BORN)))
                .contains(List.of(MISSING_DATE_OF_BIRTH));
        assertThat(keys.of("Jonas", "Mueller", BORN).compare(keys.of("Jonas", "Müller", null)))
                .contains(List.of(FAMILY_NAME_SPELLING, MISSING_DATE_OF_BIRTH));
    }

    @Test
    void theSameNamesAndDateAreTheSameIdentity() {
        assertThat(keys.of("Jonas", "Müller", BORN).compare(keys.of("JONAS ", "müller", BORN)))
                .contains(List.of(SAME_IDENTITY));
    }

    @Test
    void differentDatesOfBirthOrDifferentNamesAreNotProposed() {
        NameKeys jonas = keys.of("Jonas", "Müller", BORN);

        assertThat(jonas.compare(keys.of("Jonas", "Müller", BORN.plusDays(1)))).isEmpty();
        assertThat(jonas.compare(keys.of("Lukas", "Müller", BORN))).isEmpty();
        assertThat(jonas.compare(keys.of("Jonas", "Hansen", BORN))).isEmpty();
        assertThat(keys.of("Omar", "al-Hassan", BORN).compare(keys.of("Omar", "al-Rashid", BORN))).isEmpty();
    }

    @Test
    void onlyTheNamesAsWrittenClaimTheOpenCaseTogether() {
        String subjectRef = "sub-same-after-folding";

        assertThat(keys.of("Jonas", "Müller", BORN).claimIn("dk-fyn", subjectRef))
                .isEqualTo(keys.of("jonas", "MÜLLER", BORN).claimIn("dk-fyn", subjectRef))
                .isNotEqualTo(keys.of("Jonas", "Muller", BORN).claimIn("dk-fyn", subjectRef))
                .isNotEqualTo(keys.of("Jonas", "Müller", BORN).claimIn("dk-koebenhavn", subjectRef));
    }

    @Test
    void theKeysHoldNoReadableNameOrDate() {
        NameKeys blind = keys.of("Jonas", "Müller", BORN);

        assertThat(blind.toString()).doesNotContainIgnoringCase("jonas").doesNotContainIgnoringCase("müller")
                .doesNotContain("mlr").doesNotContain("2008");
        assertThat(blind.givenSkeletons()).doesNotContainAnyElementsOf(new BlindKeys(
                "another invented secret, 32 bytes long".getBytes(StandardCharsets.UTF_8))
                .of("Jonas", "Müller", BORN).givenSkeletons());
    }
}
