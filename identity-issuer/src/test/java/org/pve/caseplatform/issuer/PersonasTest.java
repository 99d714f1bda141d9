package org.pve.caseplatform.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PersonasTest {

    @Test
    void theDefaultPersonasCoverEveryRoleAndTheProviderNamesItsProvider() throws Exception {
        Personas personas;
        try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/personas.csv"),
                StandardCharsets.UTF_8)) {
            personas = Personas.parse("personas.csv", reader);
        }

        assertThat(personas.all()).hasSize(18);
        assertThat(personas.all()).extracting(Persona::role).containsAll(Personas.ROLES);
        assertThat(personas.find("provider.ngo-mentor-net").orElseThrow().claims())
                .containsEntry("provider", "ngo-mentor-net").containsEntry("districts", List.of("dk-fyn"));
        assertThat(personas.find("referrer.dk-fyn").orElseThrow().name()).isEqualTo("Lærke Skovbo (teacher)");
        assertThat(personas.find("screener.dk-fyn").orElseThrow().claims()).doesNotContainKey("provider");
        assertThat(personas.find("dpo").orElseThrow().districts()).containsExactly("*");
    }

    @Test
    void severalDistrictsAreSeparatedBySemicolonsAndCommentsAndBlankLinesAreSkipped() {
        Personas personas = parse("# invented\n\nowner.two,CASE_OWNER,POLICE,dk-fyn; fr-01,,Invented Owner, Jr\n");

        Persona owner = personas.find("owner.two").orElseThrow();
        assertThat(owner.districts()).containsExactly("dk-fyn", "fr-01");
        assertThat(owner.name()).isEqualTo("Invented Owner, Jr");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.b,PANEL_MEMBER,POLICE,dk-fyn                  | expected 6 columns",
        "a.b,JUDGE,POLICE,dk-fyn,,Invented               | unknown role 'JUDGE'",
        "a.b,PANEL_MEMBER,ARMY,dk-fyn,,Invented          | unknown agency 'ARMY'",
        "a.b,PROVIDER,NGO,dk-fyn,,Invented               | a PROVIDER needs a provider id",
        "a.b,PANEL_MEMBER,NGO,dk-fyn,ngo-x,Invented      | provider is only for PROVIDER rows",
        "a.b,PANEL_MEMBER,NGO,,,Invented                 | districts '' must be",
        "a.b,PANEL_MEMBER,NGO,dk-fyn;*,,Invented         | districts 'dk-fyn;*' must be",
        "a:b,PANEL_MEMBER,NGO,dk-fyn,,Invented           | id 'a:b' must match",
        "a.b,PANEL_MEMBER,NGO,dk-fyn,,                   | name is empty",
    })
    void aBadLineIsRefusedNamingItsLineAndTheProblem(String line, String problem) {
        assertThatThrownBy(() -> parse("ok.one,ANALYST,PUBLIC,*,,Invented Analyst\n" + line.strip() + "\n"))
                .hasMessageStartingWith("Personas test.csv line 3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void aDuplicateIdIsRefused() {
        assertThatThrownBy(() -> parse("a.b,ANALYST,PUBLIC,*,,One\na.b,OPERATOR,POLICE,*,,Two\n"))
                .hasMessage("Personas test.csv line 3: duplicate id 'a.b'");
    }

    @Test
    void aFileWithoutTheHeaderOrWithoutPersonasIsRefused() {
        assertThatThrownBy(() -> Personas.parse("test.csv", new StringReader("a.b,ANALYST,PUBLIC,*,,One\n")))
                .hasMessageContaining("line 1: the header must be");
        assertThatThrownBy(() -> parse(""))
                .hasMessage("Personas test.csv holds no persona");
    }

    private static Personas parse(String rows) {
        return Personas.parse("test.csv", new StringReader(Personas.HEADER + "\n" + rows));
    }
}
