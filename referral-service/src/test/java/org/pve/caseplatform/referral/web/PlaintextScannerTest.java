package org.pve.caseplatform.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.referral.web.PlaintextScanner.Person;

/** The scan used by PlaintextScanIT can fail: it finds plaintext in every form the IT relies on it to find. */
class PlaintextScannerTest {

    private static final Person ZOE = new Person("Zoé Amélie", "Ménard-Ålund", "2006-04-09",
            "Invented: hands out pamphlets praising the Crimson Dawn cell at the youth club");
    private final PlaintextScanner scanner = new PlaintextScanner(List.of(ZOE), List.of());

    @Test
    void namesAreFoundInAnyCaseAndWithoutTheirAccents() {
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"ZOE AMELIE\"}")))).isNotEmpty();
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"menard-alund\"}")))).isNotEmpty();
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"m\\u00e9nard-\\u00e5lund\"}")))).isNotEmpty();
    }

    @Test
    void aDateOfBirthIsFoundInItsCommonFormsInsideNestedJson() {
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"{\\\"d\\\":\\\"20060409\\\"}\"}")))).isNotEmpty();
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"09/04/2006\"}")))).isNotEmpty();
    }

    @Test
    void aConcernIsFoundWhateverItsCase() {
        assertThat(scanner.leaks(List.of(scanner.json("{\"x\":\"" + ZOE.concern().toUpperCase(Locale.ROOT)
                + "\"}")))).isNotEmpty();
    }

    @Test
    void aStoredDocumentIsReadDownToBinaryPayloads() {
        Document stored = new Document("serializedPayload",
                new Binary("{\"subject\":{\"familyName\":\"M\\u00e9nard-\\u00c5lund\"}}".getBytes()));

        assertThat(scanner.leaks(List.of(scanner.document(stored)))).isNotEmpty();
    }

    @Test
    void ciphertextAndOtherPeopleAreNotFlagged() {
        assertThat(scanner.leaks(List.of(scanner.json("{\"ciphertext\":\"bWVuYXJkLWFsdW5k\",\"x\":\"Noor\"}"))))
                .isEmpty();
    }
}
