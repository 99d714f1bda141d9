package org.pve.caseplatform.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final LocalDate BORN = LocalDate.of(2009, 4, 17);

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(secret('a'));

    @Test
    void theSamePersonGetsTheSameRefEveryTime() {
        assertThat(ref("Anna", "Jensen", BORN)).isEqualTo(ref("Anna", "Jensen", BORN));
    }

    @Test
    void letterCaseDoesNotMatter() {
        assertThat(ref("ANNA", "JENSEN", BORN)).isEqualTo(ref("anna", "jensen", BORN));
    }

    @Test
    void accentsDoNotMatter() {
        String muller = ref("Hans", "Müller", BORN);

        assertThat(ref("Hans", "MÜLLER", BORN)).isEqualTo(muller);
        assertThat(ref("Hans", "Muller", BORN)).isEqualTo(muller);
        assertThat(ref("José", "García", BORN)).isEqualTo(ref("Jose", "Garcia", BORN));
        assertThat(ref("JOSÉ", "GARCÍA", BORN)).isEqualTo(ref("Jose", "Garcia", BORN));
        assertThat(ref("Zoë", "Brontë", BORN)).isEqualTo(ref("Zoe", "Bronte", BORN));
    }

    @Test
    void precomposedAndDecomposedAccentsAreTheSameName() {
        String precomposed = "Jos\u00e9";
        String decomposed = "Jose\u0301";

        assertThat(ref(precomposed, "Garcia", BORN)).isEqualTo(ref(decomposed, "Garcia", BORN));
    }

    @Test
    void extraSpacesDoNotMatter() {
        String plain = ref("Anna Maria", "Jensen", BORN);

        assertThat(ref("  Anna   Maria ", " Jensen  ", BORN)).isEqualTo(plain);
        assertThat(ref("Anna\tMaria", "Jensen", BORN)).isEqualTo(plain);
        assertThat(ref("Anna\u00a0Maria", "Jensen", BORN)).as("non-breaking space").isEqualTo(plain);
    }

    @Test
    void hyphensCountAsSpaces() {
        String plain = ref("Anna Maria", "Müller Hansen", BORN);

        assertThat(ref("Anna-Maria", "Müller-Hansen", BORN)).isEqualTo(plain);
        assertThat(ref("anna - maria", "MÜLLER--HANSEN", BORN)).isEqualTo(plain);
    }

    @Test
    void allVariationsAtOnceStillMatch() {
        assertThat(ref("  JOSÉ-luis ", "müller", BORN)).isEqualTo(ref("Jose Luis", "MULLER", BORN));
    }

    @Test
    void aDifferentDateOfBirthIsADifferentPerson() {
        assertThat(ref("Anna", "Jensen", BORN)).isNotEqualTo(ref("Anna", "Jensen", BORN.plusDays(1)));
        assertThat(ref("Anna", "Jensen", BORN)).isNotEqualTo(ref("Anna", "Jensen", null));
    }

    @Test
    void aDifferentNameIsADifferentPerson() {
        assertThat(ref("Anna", "Jensen", BORN)).isNotEqualTo(ref("Anne", "Jensen", BORN));
        assertThat(ref("Anna", "Jensen", BORN)).as("given and family names are not interchangeable")
                .isNotEqualTo(ref("Jensen", "Anna", BORN));
    }

    @Test
    void aDifferentSecretGivesADifferentRef() {
        Pseudonymiser otherDeployment = new Pseudonymiser(secret('b'));

        assertThat(otherDeployment.subjectRef("Anna", "Jensen", BORN)).isNotEqualTo(ref("Anna", "Jensen", BORN));
    }

    @Test
    void theRefNeverContainsTheName() {
        String ref = ref("Annabelle", "Müller", BORN);

        assertThat(ref).matches("sub-[0-9a-f]{32}");
        assertThat(ref.toLowerCase()).doesNotContain("anna").doesNotContain("mull").doesNotContain("müll")
                .doesNotContain("2009");
    }

    @Test
    void anUnknownIdentityStillGivesAWellFormedRef() {
        assertThat(ref(null, null, null)).matches("sub-[0-9a-f]{32}");
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new Pseudonymiser(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Pseudonymiser("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pseudonymiser(new byte[32]).subjectRef("Anna", "Jensen", BORN)).startsWith("sub-");
    }

    private String ref(String givenNames, String familyName, LocalDate dateOfBirth) {
        return pseudonymiser.subjectRef(givenNames, familyName, dateOfBirth);
    }

    private static byte[] secret(char fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }
}
